/**
 * Choosing an advisor for a lead (SPEC §2.4): among the active advisors of the lead's campus who
 * sell its course and have room, round-robin. Deterministic: the rotation cursor is an input and
 * an output, advisors are ordered by id (not by the order they are passed in), nothing is random.
 */
import type { AssignmentBlocker } from './reasons.js';

/** An advisor as routing sees one; `openLeadCount` is how many open leads they own now. */
export interface RoutingAdvisor {
  id: string;
  campusId: string;
  /** Courses the advisor sells; empty means every course of the campus (a generalist). */
  courseIds: readonly string[];
  /** Most open leads the advisor may own at once. */
  capacity: number;
  openLeadCount: number;
  isActive: boolean;
}

/** A lead as routing sees one: where it wants to study and what. */
export interface RoutableLead {
  id: string;
  campusId?: string;
  courseId?: string;
}

/**
 * Per pool (see `getRoutingPoolKey`), the id of the advisor who got the pool's last lead. Stored
 * by the server (one row per pool) and passed back in; the next lead goes to the next advisor.
 */
export type RoutingCursor = Readonly<Record<string, string>>;

export type AdvisorChoice =
  | { advisorId: string; poolKey: string; cursor: RoutingCursor; detail: string }
  | {
      advisorId: null;
      poolKey: string | null;
      cursor: RoutingCursor;
      reason: 'no_campus' | 'no_matching_advisor' | 'advisors_at_capacity';
      detail: string;
    };

/** The round-robin pool of a lead: its campus and course (`any` when it has not chosen one). */
export function getRoutingPoolKey(campusId: string, courseId: string | undefined): string {
  return `campus:${campusId}:course:${courseId ?? 'any'}`;
}

/**
 * Why `advisor` cannot take `lead`, or `null` when they can (SPEC §2.4). Also what a manager's
 * manual reassignment checks.
 */
export function findAssignmentBlocker(lead: RoutableLead, advisor: RoutingAdvisor): AssignmentBlocker | null {
  if (!advisor.isActive) return 'inactive';
  if (lead.campusId !== advisor.campusId) return 'other_campus';
  if (lead.courseId !== undefined && advisor.courseIds.length > 0 && !advisor.courseIds.includes(lead.courseId)) {
    return 'other_course';
  }
  if (advisor.openLeadCount >= advisor.capacity) return 'at_capacity';
  return null;
}

// Equivalent mutants: advisor ids are distinct, and sort only tells a negative result from the
// rest.
// Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent, see above
const byId = (a: RoutingAdvisor, b: RoutingAdvisor) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The next advisor for `lead` in its pool's rotation (SPEC §2.4): the first advisor, in id order,
 * after the one the cursor names, wrapping around, skipping those who are full or excluded (e.g.
 * the advisor who returned this lead). Returns the advanced cursor; when nobody can take the lead,
 * the cursor is returned unchanged with the reason.
 *
 * @example
 * const choice = chooseAdvisor({ lead, advisors, cursor });
 * if (choice.advisorId) saveCursor(choice.cursor); // else the lead waits in the pool
 */
export function chooseAdvisor(input: {
  lead: RoutableLead;
  advisors: readonly RoutingAdvisor[];
  cursor: RoutingCursor;
  excludeAdvisorIds?: readonly string[];
}): AdvisorChoice {
  const { lead, cursor } = input;
  if (lead.campusId === undefined) {
    return { advisorId: null, poolKey: null, cursor, reason: 'no_campus', detail: `lead ${lead.id} has no campus` };
  }
  const poolKey = getRoutingPoolKey(lead.campusId, lead.courseId);
  // Equivalent mutants: only read by .has(); a non-empty default would need an advisor with that
  // very id.
  // Stryker disable next-line ArrayDeclaration: equivalent, see above
  const excluded = new Set(input.excludeAdvisorIds ?? []);
  // Full advisors keep their place in the rotation; they are skipped below, not removed.
  const matching = input.advisors
    .filter((a) => {
      const blocker = findAssignmentBlocker(lead, a);
      return !excluded.has(a.id) && (blocker === null || blocker === 'at_capacity');
    })
    .sort(byId);
  if (matching.length === 0) {
    return { advisorId: null, poolKey, cursor, reason: 'no_matching_advisor', detail: `no advisor serves ${poolKey}` };
  }
  const last = cursor[poolKey];
  const start =
    // Equivalent mutants: no id is greater than undefined, so findIndex gives -1 and the rotation
    // starts at 0 as well.
    // Stryker disable next-line ConditionalExpression: equivalent, see above
    last === undefined
      ? 0
      : Math.max(
          0,
          matching.findIndex((a) => a.id > last),
        );
  // Stryker disable next-line EqualityOperator: one more turn revisits the first advisor, already found full
  for (let i = 0; i < matching.length; i++) {
    const advisor = matching[(start + i) % matching.length] as RoutingAdvisor;
    if (advisor.openLeadCount < advisor.capacity) {
      return {
        advisorId: advisor.id,
        poolKey,
        cursor: { ...cursor, [poolKey]: advisor.id },
        detail: `round-robin in ${poolKey}: ${advisor.id} (${advisor.openLeadCount + 1}/${advisor.capacity})`,
      };
    }
  }
  return {
    advisorId: null,
    poolKey,
    cursor,
    reason: 'advisors_at_capacity',
    detail: `all ${matching.length} advisors of ${poolKey} are full`,
  };
}
