/** Where the client modules report what they dropped or could not do; injected so tests can read it. */
export interface Logger {
  warn(message: string, details?: Record<string, unknown>): void;
}

/**
 * Warnings, not errors: a dropped event or a full storage is worth a line in the console (and in
 * WeChat's real-time log), but it must not look like a crash to error monitoring.
 */
export const consoleLogger: Logger = {
  warn(message, details) {
    console.warn(`[scrm] ${message}`, details ?? '');
  },
};
