// The end of every sign-in (company account or one-time code): the person the
// email address names in the team — created on first sign-in when the team's
// policy lets their domain in — and a new Baton token for them, revocable like
// any other (server/auth/tokens.ts).
import { and, eq } from 'drizzle-orm';
import { mayCreateOnSignIn, type SignInPolicy } from '@/lib/auth/sign-in-policy';
import type { SignedIn } from '@/lib/auth/api-schemas';
import { audit, type Tx } from '../audit';
import { teams, users } from '../db/schema';
import { ApiError } from '../http/errors';
import { createToken } from './tokens';

type Person = typeof users.$inferSelect;

/**
 * The team's person with this (lower-case) address; when there is none and the
 * policy lets the domain in, a new one with the policy's default role.
 * Errors: 401 email_not_allowed (nothing is created).
 */
export async function personForEmail(tx: Tx, teamId: number, policy: SignInPolicy, email: string, name: string | undefined): Promise<Person> {
  const [found] = await tx.select().from(users).where(and(eq(users.teamId, teamId), eq(users.email, email)));
  if (found) return found;
  if (!mayCreateOnSignIn(policy, email)) {
    throw new ApiError(401, 'email_not_allowed', `${email} is not invited to this team; ask an admin to invite this address.`, null, { email });
  }
  const role = policy.defaultRole;
  const [made] = await tx
    .insert(users)
    .values({ teamId, name: name?.trim() || email, email, role, channel: role === 'rep' ? 'direct' : null })
    .onConflictDoNothing()
    .returning();
  // Two first sign-ins at once: the other one created the person.
  const person = made ?? (await tx.select().from(users).where(and(eq(users.teamId, teamId), eq(users.email, email))))[0]!;
  if (made) await audit(tx, { teamId, userId: null, action: 'user.add', after: { ...made, by: 'sign-in' } });
  return person;
}

/** A new token for `person`, labelled with how they signed in, and what the client shows. Errors: 403 deactivated. */
export async function signedIn(tx: Tx, person: Person, how: 'company account' | 'one-time code'): Promise<SignedIn> {
  // A person who left the team (a reassignment deactivated them) gets no new token.
  if (person.deactivatedAt) throw new ApiError(403, 'deactivated', 'This account was deactivated when its owner left the team.');
  const [team] = await tx.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, person.teamId));
  const t = await createToken(tx, person.id, `sign-in: ${how}`);
  await audit(tx, { teamId: person.teamId, userId: person.id, action: 'user.signIn', after: { tokenId: t.id, how } });
  return { token: t.token, user: { id: person.id, name: person.name, role: person.role }, team: team! };
}
