/**
 * The manager's scoring-model tools (issue 15 §4): the active model with its predecessor and the
 * newest candidate; fitting a candidate from the institution's own outcomes; activating a version
 * and rolling back, each recording the switch and a rescoring of every lead that the cron runs in
 * batches (ADR 019). Every change to the model versions runs under one lock in the shared store,
 * so two activations (or an activation and a roll back) never interleave; the loser is told to
 * retry (409). A switch while the last one's rescoring still runs is refused (409) too.
 */
import {
  type ActivationResponse,
  classifyLeadOutcome,
  DEFAULT_SCORING_MODEL,
  type FitCandidateRequest,
  fitCandidateModel,
  InsufficientOutcomesError,
  MIN_OUTCOMES_PER_CLASS,
  parseScoringModel,
  type ScoringModel,
  type ScoringModelsResponse,
  toTrainingLead,
} from '@scrm/shared';
import type { AppContext } from '../../context.js';
import {
  countOutcomeLeads,
  findHighestModelVersion,
  findScoringModelRow,
  insertScoringModelRow,
  listOutcomeLeads,
  listScoringModelRows,
  listTouchpointsOfLeads,
  type ScoringModelRow,
  switchActiveModel,
} from '../../db/queries/scoring-models.js';
import {
  countLiveLeads,
  findLatestRescore,
  findRunningRescore,
  insertRescore,
  type RescoreRow,
} from '../../db/queries/scoring-rescores.js';
import { AppError } from '../../http/app-error.js';
import { withLock } from '../../redis/lock.js';
import { toLeadProfile } from '../leads/lead-domain-state.js';
import { toTouchpointEvent } from '../leads/rebuild-score-state.js';
import type { StaffAccess } from '../staff/staff-access.js';
import { toRescoringProgress } from './rescore-leads.js';
import { toDefaultModelView, toModelVersionView } from './scoring-model-view.js';

type Ctx = Pick<AppContext, 'db' | 'store' | 'now' | 'logger'>;
type RescoreKind = RescoreRow['kind'];

/** Longer than a fit of the institution's outcomes; the lock is released as soon as the work ends. */
const MODEL_LOCK = { key: 'lock:scoring-models', ttlMs: 10 * 60_000 };
const BUSY_MESSAGE = '另一项评分模型操作正在进行，请稍后再试';

async function underModelLock<T>(ctx: Ctx, work: () => Promise<T>): Promise<T> {
  const run = await withLock(ctx.store, MODEL_LOCK.key, { ttlMs: MODEL_LOCK.ttlMs }, work);
  if (!run.acquired)
    throw new AppError('conflict', 'another scoring-model change is running', { userMessage: BUSY_MESSAGE });
  return run.value;
}

/** The training rows: every lead with an outcome, read as it was before the outcome. */
async function loadTrainingLeads(ctx: Ctx) {
  const rows = await listOutcomeLeads(ctx.db);
  const history = await listTouchpointsOfLeads(
    ctx.db,
    rows.map((r) => r.lead.id),
  );
  return rows.flatMap(({ lead, enrolledAt, returnedAt }) => {
    const outcome = classifyLeadOutcome({
      enrolledAt: enrolledAt?.toISOString() ?? null,
      returnedAt: returnedAt?.toISOString() ?? null,
      dormantAt: lead.lifecycleStage === 'dormant' ? lead.lifecycleStageAt.toISOString() : null,
    });
    if (!outcome) return [];
    const signals = (history.get(lead.id) ?? []).map(toTouchpointEvent).filter((e) => e !== null);
    return [toTrainingLead({ id: lead.id, profile: toLeadProfile(lead), signals, outcome })];
  });
}

function findActiveRow(rows: readonly ScoringModelRow[]): ScoringModelRow | null {
  return rows.find((r) => r.isActive) ?? null;
}

export async function getScoringModels(ctx: Ctx): Promise<ScoringModelsResponse> {
  const rows = await listScoringModelRows(ctx.db);
  const active = findActiveRow(rows);
  const previous = active?.previousVersion ? rows.find((r) => r.version === active.previousVersion) : undefined;
  const activeVersion = active?.version ?? DEFAULT_SCORING_MODEL.version;
  const candidate = rows.find((r) => r.comparison !== null && r.activatedAt === null && r.version > activeVersion);
  const { positives, negatives } = await countOutcomeLeads(ctx.db);
  const rescore = await findLatestRescore(ctx.db);
  return {
    active: active ? toModelVersionView(active, 'active') : toDefaultModelView(),
    previous: previous ? toModelVersionView(previous, 'previous') : null,
    candidate: candidate ? toModelVersionView(candidate, 'candidate') : null,
    outcomes: { rows: positives + negatives, positives, minPerClass: MIN_OUTCOMES_PER_CLASS },
    rescoring: rescore ? toRescoringProgress(rescore) : null,
  };
}

function toActiveModel(row: ScoringModelRow | null): ScoringModel {
  return row ? parseScoringModel(row.document) : DEFAULT_SCORING_MODEL;
}

export async function fitCandidate(
  ctx: Ctx,
  input: { access: StaffAccess; request: Required<FitCandidateRequest> },
): Promise<ScoringModelsResponse> {
  await underModelLock(ctx, async () => {
    const rows = await listScoringModelRows(ctx.db);
    const active = toActiveModel(findActiveRow(rows));
    const leads = await loadTrainingLeads(ctx);
    const version = Math.max(await findHighestModelVersion(ctx.db), active.version) + 1;
    let fitted: ReturnType<typeof fitCandidateModel>;
    try {
      fitted = fitCandidateModel({ leads, active, version, seed: input.request.seed, l2: input.request.l2 });
    } catch (error) {
      if (!(error instanceof InsufficientOutcomesError)) throw error;
      throw new AppError('conflict', error.message, {
        userMessage: `有结果的线索不足：需要至少 ${MIN_OUTCOMES_PER_CLASS} 条已报名和 ${MIN_OUTCOMES_PER_CLASS} 条已退回或沉睡的线索（当前 ${error.positives} 条和 ${error.negatives} 条）`,
      });
    }
    await ctx.db.transaction((tx) =>
      insertScoringModelRow(tx, {
        version,
        name: fitted.candidate.label,
        document: fitted.candidate as unknown as Record<string, unknown>,
        comparison: fitted.comparison as unknown as Record<string, unknown>,
        fittedByStaffId: input.access.staffId,
        createdAt: ctx.now(),
      }),
    );
  });
  return getScoringModels(ctx);
}

/**
 * Switches the active version and records the rescoring of every lead under it, in one
 * transaction; `/api/cron/scoring` carries the rescoring out in batches (ADR 019). Leads read
 * meanwhile keep the score of the version they were scored under until their batch comes, and a
 * lead that gets new signals is rebuilt under the new version at once by the ingest path.
 */
async function switchAndScheduleRescore(
  ctx: Ctx,
  input: { version: number; previousVersion: number | null | undefined; kind: RescoreKind; staffId: string },
): Promise<ActivationResponse> {
  const now = ctx.now();
  const { row, rescore } = await ctx.db.transaction(async (tx) => {
    // The built-in default gets its row the first time another version replaces it, so that a
    // roll back can return to it.
    if (!(await findScoringModelRow(tx, DEFAULT_SCORING_MODEL.version))) {
      await insertScoringModelRow(tx, {
        version: DEFAULT_SCORING_MODEL.version,
        name: DEFAULT_SCORING_MODEL.label,
        document: DEFAULT_SCORING_MODEL as unknown as Record<string, unknown>,
        note: 'built-in default',
        createdAt: now,
      });
    }
    const switched = await switchActiveModel(tx, {
      version: input.version,
      previousVersion: input.previousVersion,
      now,
    });
    const scheduled = await insertRescore(tx, {
      version: input.version,
      kind: input.kind,
      total: await countLiveLeads(tx),
      startedAt: now,
      updatedAt: now,
      startedByStaffId: input.staffId,
    });
    return { row: switched, rescore: scheduled };
  });
  ctx.logger.info('scoring model switched; rescoring scheduled', {
    version: row.version,
    kind: input.kind,
    leads: rescore.total,
  });
  return {
    active: toModelVersionView(row, 'active'),
    previousVersion: row.previousVersion,
    rescoring: toRescoringProgress(rescore),
  };
}

/** A switch waits for the running rescoring to finish: two at once would leave leads under both. */
async function refuseWhileRescoring(ctx: Ctx): Promise<void> {
  const running = await findRunningRescore(ctx.db);
  if (!running) return;
  throw new AppError('conflict', `rescoring under v${running.version} is still running`, {
    userMessage: `正在按 v${running.version} 重新评分（已重算 ${running.done} / ${running.total}），完成后再切换模型`,
  });
}

export async function activateVersion(
  ctx: Ctx,
  input: { version: number; access: StaffAccess },
): Promise<ActivationResponse> {
  return underModelLock(ctx, async () => {
    const rows = await listScoringModelRows(ctx.db);
    const active = findActiveRow(rows);
    const activeVersion = active?.version ?? DEFAULT_SCORING_MODEL.version;
    const target = rows.find((r) => r.version === input.version);
    if (!target && input.version !== DEFAULT_SCORING_MODEL.version) {
      throw new AppError('not_found', `scoring model v${input.version} not found`, { userMessage: '该模型版本不存在' });
    }
    if (input.version === activeVersion) {
      throw new AppError('conflict', `v${input.version} is already active`, { userMessage: '该版本已是当前模型' });
    }
    await refuseWhileRescoring(ctx);
    return switchAndScheduleRescore(ctx, {
      version: input.version,
      previousVersion: activeVersion,
      kind: 'activate',
      staffId: input.access.staffId,
    });
  });
}

export async function rollBack(ctx: Ctx, input: { access: StaffAccess }): Promise<ActivationResponse> {
  return underModelLock(ctx, async () => {
    const active = findActiveRow(await listScoringModelRows(ctx.db));
    if (!active?.previousVersion) {
      throw new AppError('conflict', 'no previous version to roll back to', { userMessage: '没有可回滚的上一版本' });
    }
    await refuseWhileRescoring(ctx);
    // The older version keeps its own pointer, so a second roll back goes one further back.
    return switchAndScheduleRescore(ctx, {
      version: active.previousVersion,
      previousVersion: undefined,
      kind: 'rollback',
      staffId: input.access.staffId,
    });
  });
}
