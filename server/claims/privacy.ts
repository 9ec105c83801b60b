// Partners never see another partner's identity (lib/claims/README.md): what the
// caller may know of a person in claim answers.
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../audit';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { users } from '../db/schema';

export const isPartner = (channel: string | null) => channel?.startsWith('partner:') ?? false;

/** The person as the caller may see them: partners learn only about themselves. */
export function person(caller: Caller, u: { id: number; name: string; channel: string | null }) {
  if (u.id === caller.userId || !isPartner(caller.channel)) return { userId: u.id, name: u.name };
  return null;
}

/** The people of the team among `ids`, by id, with what person() and chat notices need; an id of no one there is absent. */
export async function peopleOfTeam(db: Db | Tx, teamId: number, ids: number[]): Promise<Map<number, { id: number; name: string; channel: string | null }>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.name, channel: users.channel }).from(users).where(and(eq(users.teamId, teamId), inArray(users.id, [...new Set(ids)])));
  return new Map(rows.map((u) => [u.id, u]));
}
