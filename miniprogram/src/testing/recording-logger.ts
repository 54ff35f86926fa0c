import type { Logger } from '../platform/logger';

/** A logger that keeps what it was told, so tests can assert that a drop was logged. */
export function createRecordingLogger(): Logger & {
  warnings: { message: string; details?: Record<string, unknown> }[];
} {
  const warnings: { message: string; details?: Record<string, unknown> }[] = [];
  return {
    warnings,
    warn(message, details) {
      warnings.push(details === undefined ? { message } : { message, details });
    },
  };
}
