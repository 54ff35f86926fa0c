// The manager's scoring models (issue 15 §4): read, fit a candidate, activate a version, roll back.
import {
  activationResponseSchema,
  fitCandidateRequestSchema,
  scoringModelsResponseSchema,
  scoringModelVersionParamsSchema,
} from '@scrm/shared';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import {
  activateVersion,
  fitCandidate,
  getScoringModels,
  rollBack,
} from '../../services/scoring-models/manage-scoring-models.js';

// GET /api/staff/scoring-models — the active model, the one before it and the newest candidate.
export const getScoringModelsRoute = defineRoute({
  method: 'get',
  path: '/staff/scoring-models',
  summary: 'The active scoring model, its predecessor and the newest fitted candidate (managers)',
  tags: ['staff'],
  response: scoringModelsResponseSchema,
  errors: ['unauthenticated', 'forbidden'],
  middleware: [requireAccess('GET /staff/scoring-models')],
  handler: ({ ctx }) => getScoringModels(ctx),
});

// POST /api/staff/scoring-models/candidates — fit a candidate from the leads with outcomes.
export const fitScoringCandidateRoute = defineRoute({
  method: 'post',
  path: '/staff/scoring-models/candidates',
  summary: 'Fit a candidate model from the institution’s enrolled and lost leads, compared with the active one',
  tags: ['staff'],
  request: { json: fitCandidateRequestSchema },
  response: scoringModelsResponseSchema,
  status: 201,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'conflict'],
  middleware: [requireAccess('POST /staff/scoring-models/candidates')],
  handler: ({ ctx, c, json }) => fitCandidate(ctx, { access: getStaffAccess(c), request: json }),
});

// POST /api/staff/scoring-models/rollback — back to the version active before this one; schedules the rescoring.
export const rollBackScoringModelRoute = defineRoute({
  method: 'post',
  path: '/staff/scoring-models/rollback',
  summary: 'Roll back to the previously active scoring model; every lead is rescored in batches by /api/cron/scoring',
  tags: ['staff'],
  response: activationResponseSchema,
  errors: ['unauthenticated', 'forbidden', 'conflict'],
  middleware: [requireAccess('POST /staff/scoring-models/rollback')],
  handler: ({ ctx, c }) => rollBack(ctx, { access: getStaffAccess(c) }),
});

// POST /api/staff/scoring-models/:version/activate — make a version active; schedules the rescoring.
export const activateScoringModelRoute = defineRoute({
  method: 'post',
  path: '/staff/scoring-models/:version/activate',
  summary:
    'Activate a scoring model version (the previous one is kept); every lead is rescored in batches by /api/cron/scoring',
  tags: ['staff'],
  request: { params: scoringModelVersionParamsSchema },
  response: activationResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict'],
  middleware: [requireAccess('POST /staff/scoring-models/:version/activate')],
  handler: ({ ctx, c, params }) => activateVersion(ctx, { version: params.version, access: getStaffAccess(c) }),
});
