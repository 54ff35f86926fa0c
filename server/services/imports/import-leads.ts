/**
 * Importing an offline list (issue 9 §5): `POST /api/staff/imports` and `npm run leads:import`
 * share `importPreparedRows`. Rows are deduplicated by phone against live leads and within the
 * file, so a re-import of the same file creates nothing; new leads start at `awareness` /
 * `unaware` with source `import` (the list's name as their campaign) and wait in the pool: an
 * imported list is low intent (SPEC §2.4) and is handed over when it qualifies. A dry run answers
 * the same preview and writes nothing.
 */
import { createHash } from 'node:crypto';
import {
  type ImportLeadsRequest,
  type ImportLeadsResponse,
  type ImportRowResult,
  maskPhone,
  type ScoringModel,
  STAFF_MESSAGES,
} from '@scrm/shared';
import type { AppContext } from '../../context.js';
import type { Transaction } from '../../db/client.js';
import {
  findExistingPhones,
  findLeadImport,
  insertImportedLeads,
  insertLeadImport,
  listImportCatalog,
  lockLeadImports,
} from '../../db/queries/lead-imports.js';
import type { LeadInsert } from '../../db/queries/leads.js';
import { AppError } from '../../http/app-error.js';
import { toNewLeadColumns } from '../leads/lead-domain-state.js';
import { getActiveScoringModel } from '../leads/record-lead-signals.js';
import { coversCampus, type StaffAccess } from '../staff/staff-access.js';
import { type ImportCandidate, type PreparedRow, parseLeadCsv, prepareImportRow } from './lead-csv.js';

/** Rows listed in a reply: every error first, then the first of the rest. */
const MAX_RESULTS = 200;

export interface ImportBatchResult {
  created: number;
  duplicates: number;
  errors: number;
  results: ImportRowResult[];
}

function toImportedLead(candidate: ImportCandidate, fresh: LeadInsert, listName: string): LeadInsert {
  return {
    ...fresh,
    name: candidate.name,
    phone: candidate.phone,
    role: candidate.role,
    gradeBand: candidate.gradeBand,
    city: candidate.city,
    campusId: candidate.campusId,
    courseInterest: candidate.courseId,
    source: 'import',
    sourceCampaignId: listName,
  };
}

/**
 * Writes one batch of prepared rows in the caller's transaction (which holds `lockLeadImports`).
 * `seenPhones` carries the phones of earlier batches of the same file.
 */
export async function importPreparedRows(
  tx: Transaction,
  input: {
    rows: readonly PreparedRow[];
    seenPhones: Set<string>;
    listName: string;
    now: Date;
    model: ScoringModel;
    dryRun: boolean;
  },
): Promise<ImportBatchResult> {
  const candidates = input.rows.flatMap((r) => ('candidate' in r ? [r.candidate] : []));
  const existing = await findExistingPhones(
    tx,
    candidates.map((c) => c.phone),
  );
  const fresh = toNewLeadColumns({ at: input.now, model: input.model, source: 'import' });
  const toCreate: LeadInsert[] = [];
  const results: ImportRowResult[] = [];
  let duplicates = 0;
  for (const row of input.rows) {
    if (!('candidate' in row)) {
      results.push({
        line: row.line,
        status: 'error',
        name: row.name,
        phoneMasked: row.phone ? maskPhone(row.phone) : null,
        message: row.error,
      });
      continue;
    }
    const { candidate } = row;
    const base = { line: row.line, name: candidate.name, phoneMasked: maskPhone(candidate.phone) };
    const duplicateOf = input.seenPhones.has(candidate.phone)
      ? '文件中重复，已跳过'
      : existing.has(candidate.phone)
        ? '已有该手机号的线索，已跳过'
        : null;
    input.seenPhones.add(candidate.phone);
    if (duplicateOf) {
      duplicates += 1;
      results.push({ ...base, status: 'duplicate', message: duplicateOf });
      continue;
    }
    toCreate.push(toImportedLead(candidate, fresh.lead, input.listName));
    results.push({ ...base, status: 'new', message: null });
  }
  if (!input.dryRun) await insertImportedLeads(tx, toCreate, fresh.firstTransition);
  return { created: toCreate.length, duplicates, errors: input.rows.length - candidates.length, results };
}

/** A campus manager imports into their own campuses only. */
function limitToScope(rows: PreparedRow[], access: StaffAccess): PreparedRow[] {
  return rows.map((row) =>
    'candidate' in row && row.candidate.campusId && !coversCampus(access, row.candidate.campusId)
      ? { line: row.line, name: row.candidate.name, phone: row.candidate.phone, error: STAFF_MESSAGES.campusOutOfScope }
      : row,
  );
}

export async function importLeads(
  ctx: Pick<AppContext, 'db' | 'now'>,
  options: { access: StaffAccess; request: ImportLeadsRequest },
): Promise<ImportLeadsResponse> {
  const { access, request } = options;
  if (request.campusId && !coversCampus(access, request.campusId)) {
    throw new AppError('forbidden', 'Campus outside scope', { userMessage: STAFF_MESSAGES.campusOutOfScope });
  }
  const bytes = Buffer.from(request.fileBase64, 'base64');
  const parsed = parseLeadCsv(bytes, request.encoding, request.mapping);
  const replayed = request.dryRun ? null : await findLeadImport(ctx.db, request.requestId);
  if (replayed) {
    const { rowCount: rows, createdCount: created, duplicateCount: duplicates, errorCount: errors } = replayed;
    return {
      dryRun: false,
      isReplay: true,
      encoding: parsed.encoding,
      mapping: parsed.mapping,
      rows,
      created,
      duplicates,
      errors,
      results: [],
    };
  }
  const now = ctx.now();
  const catalog = await listImportCatalog(ctx.db);
  const prepared = limitToScope(
    parsed.records.map((r) => prepareImportRow(r, parsed.mapping, catalog, request.campusId ?? null)),
    access,
  );
  const batch = await ctx.db.transaction(async (tx) => {
    await lockLeadImports(tx);
    const model = await getActiveScoringModel(tx);
    const result = await importPreparedRows(tx, {
      rows: prepared,
      seenPhones: new Set(),
      listName: request.listName,
      now,
      model,
      dryRun: request.dryRun,
    });
    if (!request.dryRun) {
      await insertLeadImport(tx, {
        id: request.requestId,
        staffId: access.staffId,
        listName: request.listName,
        fileSha256: createHash('sha256').update(bytes).digest('hex'),
        encoding: parsed.encoding,
        rowCount: prepared.length,
        createdCount: result.created,
        duplicateCount: result.duplicates,
        errorCount: result.errors,
        at: now,
      });
    }
    return result;
  });
  const ordered = [
    ...batch.results.filter((r) => r.status === 'error'),
    ...batch.results.filter((r) => r.status !== 'error'),
  ];
  return {
    dryRun: request.dryRun,
    isReplay: false,
    encoding: parsed.encoding,
    mapping: parsed.mapping,
    rows: prepared.length,
    created: batch.created,
    duplicates: batch.duplicates,
    errors: batch.errors,
    results: ordered.slice(0, MAX_RESULTS),
  };
}
