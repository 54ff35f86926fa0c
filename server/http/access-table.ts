/**
 * Who may call what (STYLE.md "Access and hot paths", issue 9 §1, ADR 011): one table, role ×
 * route, with the scope each role gets. `requireAccess(key)` reads it for the workbench's routes;
 * the routes before the workbench still use `requireAuth('prospect')`, and the matrix test
 * (`access-table.test.ts`) checks every route of the app against its row, so a route without a
 * row, or one that answers otherwise than its row says, fails a test.
 *
 * Scopes:
 * - `public`: no token needed (a token, when sent, may personalise the answer);
 * - `cron`: `Authorization: Bearer $CRON_SECRET` (Vercel Cron);
 * - `self`: a prospect, on their own lead (the token's subject);
 * - `own_lead`: an advisor, on a lead they hold;
 * - `own_leads_and_campus_pool`: an advisor's own leads and the unowned leads of their campuses;
 * - `campus`: a manager's campuses (every campus for an institution-wide manager);
 * - `institution`: an institution-wide manager only.
 *
 * A prospect is refused (403) on every `/api/staff/*` route but one: `POST /staff/join`, where a
 * signed-in prospect redeems an invitation to become staff.
 */
import type { AuthRole } from '@scrm/shared';
import type { StaffScope } from '../db/queries/staff-leads.js';

export type { StaffScope };
export type ProspectScope = 'self';
export type AccessRow = 'public' | 'cron' | { prospect?: ProspectScope; advisor?: StaffScope; manager?: StaffScope };

const PROSPECT = { prospect: 'self' } as const;
const ADVISOR_POOL_MANAGER_CAMPUS = { advisor: 'own_leads_and_campus_pool', manager: 'campus' } as const;
const ADVISOR_OWN_MANAGER_CAMPUS = { advisor: 'own_lead', manager: 'campus' } as const;
const MANAGER_CAMPUS = { manager: 'campus' } as const;

/** Keyed by `METHOD /path` as the route defines them (relative to `/api`). */
export const ACCESS_TABLE = {
  'GET /health': 'public',
  'GET /openapi.json': 'public',
  'POST /auth/login': 'public',
  'POST /auth/phone': PROSPECT,
  'POST /touchpoints': PROSPECT,
  'GET /courses': 'public',
  'GET /courses/:id': 'public',
  'GET /campuses': 'public',
  'POST /registrations': PROSPECT,
  'GET /me': PROSPECT,
  'GET /me/export': PROSPECT,
  'DELETE /me': PROSPECT,
  'GET /me/downloads': PROSPECT,
  'GET /me/subscriptions': PROSPECT,
  'GET /me/messages': PROSPECT,
  'POST /me/messages/:id/read': PROSPECT,
  'GET /me/bookings': PROSPECT,
  'GET /contents': 'public',
  'GET /contents/:id': 'public',
  'GET /contents/:id/cover.png': 'public',
  // The signed link is the credential (ADR 009): it names the lead and expires in minutes.
  'GET /downloads/:contentId': 'public',
  'GET /trial-sessions': 'public',
  'POST /bookings': PROSPECT,
  'DELETE /bookings/:id': PROSPECT,

  // The workbench (issue 9).
  'POST /staff/join': PROSPECT,
  'GET /staff/me': { advisor: 'own_lead', manager: 'campus' },
  'POST /staff/invitations': MANAGER_CAMPUS,
  'GET /staff/leads': ADVISOR_POOL_MANAGER_CAMPUS,
  'GET /staff/leads/export.csv': MANAGER_CAMPUS,
  'GET /staff/leads/:id': ADVISOR_POOL_MANAGER_CAMPUS,
  'GET /staff/leads/:id/timeline': ADVISOR_POOL_MANAGER_CAMPUS,
  // Accepting and returning are the holder's own decisions; a manager reassigns instead.
  'POST /staff/leads/:id/accept': { advisor: 'own_lead' },
  'POST /staff/leads/:id/return': { advisor: 'own_lead' },
  'POST /staff/leads/:id/claim': { advisor: 'own_leads_and_campus_pool' },
  'POST /staff/leads/:id/release': { advisor: 'own_lead' },
  // Work on a lead: its holder, or a manager of its campus (a front desk logging a visit).
  'POST /staff/leads/:id/follow-ups': ADVISOR_OWN_MANAGER_CAMPUS,
  'PUT /staff/leads/:id/qualification': ADVISOR_OWN_MANAGER_CAMPUS,
  'POST /staff/leads/:id/attendance': ADVISOR_OWN_MANAGER_CAMPUS,
  'POST /staff/leads/:id/enrolments': ADVISOR_OWN_MANAGER_CAMPUS,
  'POST /staff/leads/reassign': MANAGER_CAMPUS,
  'POST /staff/advisors/:id/transfer': MANAGER_CAMPUS,
  'GET /staff/team': MANAGER_CAMPUS,
  'POST /staff/imports': MANAGER_CAMPUS,
  'GET /staff/settings': MANAGER_CAMPUS,
  'PUT /staff/settings': { manager: 'institution' },
  // Campaigns reach every campus's leads: an institution-wide manager's (issue 13 §3).
  'GET /staff/campaigns': { manager: 'institution' },
  'POST /staff/campaigns': { manager: 'institution' },
  'POST /staff/campaigns/audience-count': { manager: 'institution' },
  'GET /staff/campaigns/options': { manager: 'institution' },
  'GET /staff/campaigns/:id': { manager: 'institution' },
  'PUT /staff/campaigns/:id/document': { manager: 'institution' },
  'GET /staff/campaigns/:id/preview': { manager: 'institution' },
  'POST /staff/campaigns/:id/preview': { manager: 'institution' },
  'POST /staff/campaigns/:id/status': { manager: 'institution' },
  'POST /staff/campaigns/:id/test-send': { manager: 'institution' },
  // The scoring model rescores every lead of every campus (issue 15 §4): institution-wide managers.
  'GET /staff/scoring-models': { manager: 'institution' },
  'POST /staff/scoring-models/candidates': { manager: 'institution' },
  'POST /staff/scoring-models/rollback': { manager: 'institution' },
  'POST /staff/scoring-models/:version/activate': { manager: 'institution' },
  // Channel codes (issue 13 §4): managers run their campuses' channels; an advisor reads the
  // channels that are their own business card (`own_lead`: their own, as with leads).
  'GET /staff/channels': ADVISOR_OWN_MANAGER_CAMPUS,
  'POST /staff/channels': MANAGER_CAMPUS,
  'GET /staff/channels/:id': ADVISOR_OWN_MANAGER_CAMPUS,
  'PATCH /staff/channels/:id': MANAGER_CAMPUS,
  'POST /staff/channels/:id/archive': MANAGER_CAMPUS,
  'GET /staff/channels/:id/code.png': ADVISOR_OWN_MANAGER_CAMPUS,

  // Funnel analytics (issue 15): a manager sees the leads of their campuses; costs are institution-wide.
  'GET /staff/analytics/volume': MANAGER_CAMPUS,
  'GET /staff/analytics/volume.csv': MANAGER_CAMPUS,
  'GET /staff/analytics/velocity': MANAGER_CAMPUS,
  'GET /staff/analytics/velocity.csv': MANAGER_CAMPUS,
  'GET /staff/analytics/value': MANAGER_CAMPUS,
  'GET /staff/analytics/value.csv': MANAGER_CAMPUS,
  'GET /staff/analytics/effectiveness': MANAGER_CAMPUS,
  'GET /staff/analytics/effectiveness.csv': MANAGER_CAMPUS,
  'GET /staff/analytics/efficiency': MANAGER_CAMPUS,
  'GET /staff/analytics/efficiency.csv': MANAGER_CAMPUS,
  'GET /staff/analytics/attribution': MANAGER_CAMPUS,
  'GET /staff/analytics/attribution.csv': MANAGER_CAMPUS,
  'GET /staff/analytics/costs': MANAGER_CAMPUS,
  'GET /staff/analytics/costs.csv': MANAGER_CAMPUS,
  'POST /staff/analytics/costs': { manager: 'institution' },
  'PUT /staff/analytics/costs/:id': { manager: 'institution' },
  'DELETE /staff/analytics/costs/:id': { manager: 'institution' },

  'GET /cron/sla': 'cron',
  'POST /cron/sla': 'cron',
  'GET /cron/campaigns': 'cron',
  'POST /cron/campaigns': 'cron',
  'GET /cron/analytics': 'cron',
  'POST /cron/analytics': 'cron',
  'GET /cron/scoring': 'cron',
  'POST /cron/scoring': 'cron',
} as const satisfies Record<string, AccessRow>;

export type AccessKey = keyof typeof ACCESS_TABLE;

/** The row of `key` (typed: a key not in the table does not compile). */
export function getAccessRow(key: AccessKey): AccessRow {
  return ACCESS_TABLE[key];
}

/** The roles a row lets in (empty for `public` and `cron`, which take no session token). */
export function listAllowedRoles(row: AccessRow): AuthRole[] {
  return typeof row === 'string' ? [] : (Object.keys(row) as AuthRole[]);
}
