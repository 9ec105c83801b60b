// Who a notice is for, to @mention them: the rep for their own packet's
// outcome, the team's CSMs for a packet submitted or a CSM requested, the
// holder's managers (their department's, else all) for a claim matter.
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../audit';
import type { Db } from '../db/connect';
import { users } from '../db/schema';
import type { Notice } from './format';

const MAX = 10;

export async function usersWithRole(tx: Tx | Db, teamId: number, role: 'csm' | 'manager'): Promise<{ id: number; name: string; department: string | null }[]> {
  return tx.select({ id: users.id, name: users.name, department: users.department }).from(users).where(and(eq(users.teamId, teamId), eq(users.role, role))).orderBy(users.id).limit(200);
}

/** The managers of a person in `department`: that department's, or every manager when it has none. */
export async function managersFor(tx: Tx | Db, teamId: number, department: string | null) {
  const all = await usersWithRole(tx, teamId, 'manager');
  const own = all.filter((m) => department && m.department === department);
  return own.length ? own : all;
}

/** The people a packet notice is for. */
export async function packetAudience(tx: Tx, teamId: number, event: Notice['event'], ownerUserId: number | null): Promise<number[]> {
  if (event === 'packet.accepted' || event === 'packet.returned') return ownerUserId ? [ownerUserId] : [];
  if (event === 'packet.submitted' || event === 'csm.requested') return (await usersWithRole(tx, teamId, 'csm')).slice(0, MAX).map((u) => u.id);
  return [];
}
