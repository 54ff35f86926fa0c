/**
 * `npm run leads:import` (issue 9 §5): a large offline list into the pool, through the same code
 * as `POST /api/staff/imports` (parse, prepare, dedupe by phone, insert), a batch of rows per
 * transaction so that a list of 100,000 rows never holds one transaction open for minutes.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { ImportEncoding, ImportMapping, ImportRowResult } from '@scrm/shared';
import type { Database } from '../../server/db/client.js';
import { insertLeadImport, listImportCatalog, lockLeadImports } from '../../server/db/queries/lead-imports.js';
import { importPreparedRows } from '../../server/services/imports/import-leads.js';
import { parseLeadCsv, prepareImportRow } from '../../server/services/imports/lead-csv.js';
import { getActiveScoringModel } from '../../server/services/leads/record-lead-signals.js';
import { UsageError } from './leads-csv.js';

const BATCH = 1000;

export interface LeadsImportSummary {
  encoding: 'utf-8' | 'gbk';
  mapping: Partial<Record<string, string>>;
  rows: number;
  created: number;
  duplicates: number;
  errors: number;
  /** The first error rows, for the terminal. */
  firstErrors: ImportRowResult[];
}

/** `[██████░░░░] 60% 600/1000` for a terminal line. */
export function renderProgress(done: number, total: number, width = 24): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${Math.round(share * 100)}% ${done}/${total}`;
}

export async function importLeadsFile(
  db: Database,
  input: {
    bytes: Uint8Array;
    encoding: ImportEncoding;
    mapping: ImportMapping;
    listName: string;
    /** A campus name or id for rows without one. */
    campus?: string;
    dryRun: boolean;
    now: Date;
    progress?: (done: number, total: number) => void;
  },
): Promise<LeadsImportSummary> {
  const parsed = parseLeadCsv(input.bytes, input.encoding, input.mapping);
  const catalog = await listImportCatalog(db);
  const campus = input.campus
    ? catalog.campuses.find((c) => c.id === input.campus || c.name === input.campus)
    : undefined;
  if (input.campus && !campus) throw new UsageError(`--campus: no campus named or numbered "${input.campus}"`);
  const prepared = parsed.records.map((r) => prepareImportRow(r, parsed.mapping, catalog, campus?.id ?? null));
  const summary: LeadsImportSummary = {
    encoding: parsed.encoding,
    mapping: parsed.mapping,
    rows: prepared.length,
    created: 0,
    duplicates: 0,
    errors: 0,
    firstErrors: [],
  };
  const seenPhones = new Set<string>();
  for (let start = 0; start < prepared.length; start += BATCH) {
    const rows = prepared.slice(start, start + BATCH);
    const batch = await db.transaction(async (tx) => {
      await lockLeadImports(tx);
      const model = await getActiveScoringModel(tx);
      return importPreparedRows(tx, {
        rows,
        seenPhones,
        listName: input.listName,
        now: input.now,
        model,
        dryRun: input.dryRun,
      });
    });
    summary.created += batch.created;
    summary.duplicates += batch.duplicates;
    summary.errors += batch.errors;
    summary.firstErrors.push(
      ...batch.results.filter((r) => r.status === 'error').slice(0, 20 - summary.firstErrors.length),
    );
    input.progress?.(Math.min(prepared.length, start + BATCH), prepared.length);
  }
  if (!input.dryRun) {
    await db.transaction((tx) =>
      insertLeadImport(tx, {
        id: randomUUID(),
        staffId: null,
        listName: input.listName,
        fileSha256: createHash('sha256').update(input.bytes).digest('hex'),
        encoding: parsed.encoding,
        rowCount: summary.rows,
        createdCount: summary.created,
        duplicateCount: summary.duplicates,
        errorCount: summary.errors,
        at: input.now,
      }),
    );
  }
  return summary;
}
