/**
 * The score ledger as stored: one row per rule per batch, not per signal. A batch of 100 page
 * views would otherwise write 100 rows that say the same thing; per rule is what advisors read
 * (SPEC §2.3 "which rule gave how many points"), and it keeps ingest near raw insert speed
 * (`npm run bench`). `signalId` names the batch's first signal for that rule and `signalCount`
 * how many signals the row sums.
 */
import type { ScoreLedgerEntry } from '@scrm/shared';

export interface LedgerSummaryRow extends ScoreLedgerEntry {
  signalCount: number;
}

export function summarizeLedger(entries: readonly ScoreLedgerEntry[]): LedgerSummaryRow[] {
  const rows = new Map<string, LedgerSummaryRow>();
  for (const entry of entries) {
    const key = `${entry.dimension}:${entry.ruleId}`;
    const row = rows.get(key);
    if (!row) {
      rows.set(key, { ...entry, signalCount: 1 });
      continue;
    }
    row.points += entry.points;
    row.signalCount += 1;
    if (entry.at > row.at) row.at = entry.at;
  }
  return [...rows.values()].filter((row) => Math.abs(row.points) > 1e-9);
}
