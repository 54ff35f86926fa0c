/**
 * `npm run staff:add` (issue 9 §1): the first manager of a real installation, or anyone when no
 * manager can invite them. By default it creates an invitation (the same as a manager's) and
 * prints the code, which the person enters on the mini-program's join page after signing in; with
 * `--openid` it binds a known openid directly.
 */
import { createStaffInvitationRequestSchema, type StaffRole } from '@scrm/shared';
import type { Database } from '../../server/db/client.js';
import { insertStaff, listCampusOptions } from '../../server/db/queries/staff.js';
import { inviteStaff } from '../../server/services/staff/invite-staff.js';
import { UsageError } from './leads-csv.js';

export type StaffAddResult =
  | { kind: 'invitation'; code: string; expiresAt: string }
  | { kind: 'bound'; staffId: string };

export async function addStaff(
  db: Database,
  input: {
    name: string;
    role: StaffRole;
    /** Campus names or ids. */
    campuses: readonly string[];
    isAllCampuses: boolean;
    capacity: number;
    openid?: string;
    now: Date;
  },
): Promise<StaffAddResult> {
  const known = await listCampusOptions(db, 'all');
  const campusIds = input.campuses.map((wanted) => {
    const campus = known.find((c) => c.id === wanted || c.name === wanted);
    if (!campus)
      throw new UsageError(`--campus: no campus "${wanted}" (have: ${known.map((c) => c.name).join(', ') || 'none'})`);
    return campus.id;
  });
  const parsed = createStaffInvitationRequestSchema.safeParse({
    name: input.name,
    role: input.role,
    campusIds,
    isAllCampuses: input.isAllCampuses,
    capacity: input.capacity,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${issue?.path.join('.') || 'input'}: ${issue?.message}`);
  }
  const request = parsed.data;
  if (input.openid) {
    const openid = input.openid;
    const staff = await db.transaction((tx) =>
      insertStaff(tx, {
        openid,
        name: request.name,
        role: request.role,
        campusIds: request.isAllCampuses ? [] : request.campusIds,
        isAllCampuses: request.isAllCampuses,
        capacity: request.capacity,
        createdAt: input.now,
      }),
    );
    if (!staff) throw new UsageError(`--openid ${openid} is already bound to a staff member`);
    return { kind: 'bound', staffId: staff.id };
  }
  const invitation = await inviteStaff({ db, now: () => input.now }, { inviter: null, request });
  return { kind: 'invitation', ...invitation };
}
