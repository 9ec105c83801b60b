// Who may take part in a reassignment (issue 16 item 2): whose customers can
// be reassigned, who may receive them, and which new role a manager may give
// the person who changes role. Pure; the server applies them on the team's
// people as stored, the options page offers only what they allow.
import type { FieldIssue } from '@/lib/i18n/issues';
import type { Role } from '@/lib/packet/edit-rights';
import type { ReassignBody } from './api-schemas';

/** A person of the team, as the rules need them. */
export interface TeamPerson {
  id: number;
  name: string;
  role: Role;
  /** false once deactivated (left the team) */
  active: boolean;
}

/**
 * Roles that hold customers, each receivable only by the same role: a rep's go
 * to reps, a CSM's to CSMs, an implementation person's to implementation (the
 * packets at the implementation stage belong to the whole implementation team,
 * server/packets/access.ts, so only their claims move).
 */
export const HOLDING_ROLES = ['rep', 'csm', 'implementation'] as const satisfies readonly Role[];
export const holdsCustomers = (role: Role): boolean => (HOLDING_ROLES as readonly Role[]).includes(role);

/** Roles a manager may give a person who changes role; admins may give any role. */
export const MANAGER_GRANTS: readonly Role[] = HOLDING_ROLES;

/**
 * Who may receive the leaver's customers: each of `receiverIds` must be a
 * person of the team (unknownUser), not the leaver (isLeaver), active
 * (receiverInactive) and of the leaver's role (receiverRole). Paths are
 * `receivers[i]`.
 */
export function receiverIssues(leaver: TeamPerson, receiverIds: readonly number[], people: readonly TeamPerson[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  receiverIds.forEach((id, i) => {
    const path = `receivers[${i}]`;
    const p = people.find((x) => x.id === id);
    if (!p) issues.push({ path, code: 'unknownUser' });
    else if (p.id === leaver.id) issues.push({ path, code: 'isLeaver' });
    else if (!p.active) issues.push({ path, code: 'receiverInactive' });
    else if (p.role !== leaver.role) issues.push({ path, code: 'receiverRole' });
  });
  return issues;
}

/**
 * The new role of a person who changes role: required (zod), and not their
 * current one (sameRole, path newRole). Whether the caller may grant it is
 * `mayGrant`.
 */
export function roleChangeIssues(leaver: TeamPerson, body: Pick<ReassignBody, 'outcome' | 'newRole'>): FieldIssue[] {
  if (body.outcome !== 'changesRole' || !body.newRole) return [];
  return body.newRole === leaver.role ? [{ path: 'newRole', code: 'sameRole' }] : [];
}

/** Managers give only the roles that hold customers; admins any role (as for invitations, server/auth/sign-in-codes.ts). */
export function mayGrant(callerRole: Role, newRole: Role): boolean {
  return callerRole === 'admin' || (callerRole === 'manager' && (MANAGER_GRANTS as readonly Role[]).includes(newRole));
}
