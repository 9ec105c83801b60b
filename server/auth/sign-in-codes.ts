// Invites and one-time sign-in codes, for teams without an identity provider
// (and for people outside it). An admin or manager invites a person by email
// address; Baton shows the code once to the inviter, who passes it on (there is
// no mail server: README "Sign-in"). The person signs in with address and
// code: the code is stored hashed, lives CODE_HOURS, works once, and after
// MAX_TRIES wrong codes for an address its codes stop working.
import { randomInt } from 'node:crypto';
import { and, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { inviteBodySchema, SignedIn } from '@/lib/auth/api-schemas';
import { audit, type Tx } from '../audit';
import type { Db } from '../db/connect';
import { writeTransaction } from '../db/write-transaction';
import { signInCodes, tokens, users } from '../db/schema';
import { isUniqueViolation } from '../db/unique-violation';
import { requireRole } from '../http/auth';
import { ApiError, notFound } from '../http/errors';
import { signedIn } from './signed-in';
import { hashToken, type Caller } from './tokens';

/** How long a code works, hours. */
export const CODE_HOURS = 24;
/** Wrong codes tried for one address before its codes stop working. */
export const MAX_TRIES = 5;
/** Crockford's base32: no I, L, O, U to misread; 10 characters are 50 bits. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const newCode = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

type Person = typeof users.$inferSelect;

/** Managers invite reps and CSMs; only admins bring in managers and admins. */
function mayInvite(caller: Caller, role: Person['role']) {
  requireRole(caller, ['admin', 'manager'], 'invite people');
  if (caller.role !== 'admin' && (role === 'admin' || role === 'manager')) requireRole(caller, ['admin'], `invite a ${role}`);
}

/** A fresh code for `person` (earlier unused ones stop working): the code, shown once, and until when it works. */
async function issue(tx: Tx, person: Person, by: Caller) {
  await tx.update(signInCodes).set({ usedAt: new Date() }).where(and(eq(signInCodes.userId, person.id), isNull(signInCodes.usedAt)));
  const code = newCode();
  const expiresAt = new Date(Date.now() + CODE_HOURS * 3_600_000);
  await tx.insert(signInCodes).values({ teamId: person.teamId, userId: person.id, codeHash: hashToken(code), expiresAt, createdBy: by.userId });
  await audit(tx, { teamId: person.teamId, userId: by.userId, action: 'user.signInCode', after: { userId: person.id, expiresAt } });
  return {
    user: { id: person.id, name: person.name, email: person.email!, role: person.role },
    code: `${code.slice(0, 5)}-${code.slice(5)}`,
    expiresAt: expiresAt.toISOString(),
  };
}

/** A new person of the caller's team with a sign-in code. Errors: 403 by role, 409 email_taken. */
export async function invite(db: Db, caller: Caller, b: z.output<typeof inviteBodySchema>) {
  mayInvite(caller, b.role);
  try {
    return await writeTransaction(db, async (tx) => {
      const [person] = await tx
        .insert(users)
        .values({ teamId: caller.teamId, name: b.name, email: b.email, role: b.role, channel: b.channel ?? (b.role === 'rep' ? 'direct' : null), department: b.department ?? null })
        .returning();
      await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: 'user.add', after: person });
      return issue(tx, person!, caller);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ApiError(409, 'email_taken', `${b.email} already belongs to someone in this team.`, 'email', { email: b.email });
    throw e;
  }
}

/**
 * Another code for a person of the caller's team who has an address (the first
 * was lost or ran out). A manager may do it only for someone who has never
 * signed in: a code is a way in as that person, and for people already in
 * only admins mint credentials (as for tokens).
 */
export async function reissueCode(db: Db, caller: Caller, userId: number) {
  requireRole(caller, ['admin', 'manager'], 'give out sign-in codes');
  const [person] = await db.select().from(users).where(and(eq(users.id, userId), eq(users.teamId, caller.teamId)));
  if (!person) throw notFound('No such user.');
  mayInvite(caller, person.role);
  if (caller.role !== 'admin') {
    const [signedInBefore] = await db.select({ id: tokens.id }).from(tokens).where(eq(tokens.userId, person.id)).limit(1);
    if (signedInBefore) requireRole(caller, ['admin'], 'give a sign-in code to someone who has signed in before');
  }
  if (!person.email) throw new ApiError(409, 'no_email', `${person.name} has no email address to sign in with.`);
  return writeTransaction(db, (tx) => issue(tx, person, caller));
}

/** Codes of `email` (any team) that could still work. */
const liveCodes = (email: string) =>
  and(eq(users.email, email), isNull(signInCodes.usedAt), gt(signInCodes.expiresAt, new Date()), lt(signInCodes.attempts, MAX_TRIES));

/**
 * Signs in with address and code. Errors: 401 code_invalid (also once
 * MAX_TRIES wrong codes have locked the address's codes: a guesser cannot
 * tell), code_expired, code_used (also when the code's giver may no longer
 * bring in the person's current role).
 */
export async function signInWithCode(db: Db, b: { email: string; code: string }): Promise<SignedIn> {
  const [match] = await db
    .select({ code: signInCodes, person: users })
    .from(signInCodes)
    .innerJoin(users, eq(users.id, signInCodes.userId))
    .where(and(eq(users.email, b.email), eq(signInCodes.codeHash, hashToken(b.code))));
  if (match?.code.attempts !== undefined && match.code.attempts >= MAX_TRIES) throw wrongCode();
  if (match?.code.usedAt) throw new ApiError(401, 'code_used', 'This code was already used (or replaced by a newer one); ask for a new one.');
  if (match && match.code.expiresAt < new Date()) throw new ApiError(401, 'code_expired', `This code has expired (codes work ${CODE_HOURS} hours); ask for a new one.`);
  if (!match) {
    const ids = db.select({ id: signInCodes.id }).from(signInCodes).innerJoin(users, eq(users.id, signInCodes.userId)).where(liveCodes(b.email));
    await db
      .update(signInCodes)
      .set({ attempts: sql`${signInCodes.attempts} + 1` })
      .where(inArray(signInCodes.id, ids));
    // The same answer whether or not the address was invited, and whether or not
    // its codes are now locked (MAX_TRIES): it tells a guesser nothing.
    throw wrongCode();
  }
  return writeTransaction(db, async (tx) => {
    const spent = await tx.update(signInCodes).set({ usedAt: new Date() }).where(and(eq(signInCodes.id, match.code.id), isNull(signInCodes.usedAt))).returning({ id: signInCodes.id });
    if (!spent.length) throw new ApiError(401, 'code_used', 'This code was already used (or replaced by a newer one); ask for a new one.');
    // The code's giver must still be allowed to bring in this person as they are now
    // (a manager's code for a rep later made admin must not sign in an admin).
    const [giver] = await tx.select({ role: users.role, teamId: users.teamId }).from(users).where(eq(users.id, match.code.createdBy));
    const fits = giver && giver.teamId === match.person.teamId && (giver.role === 'admin' || (giver.role === 'manager' && (match.person.role === 'rep' || match.person.role === 'csm')));
    if (!fits) throw new ApiError(401, 'code_used', "This code no longer fits this person's role; ask an admin for a new one.");
    return signedIn(tx, match.person, 'one-time code');
  });
}

const wrongCode = () => new ApiError(401, 'code_invalid', 'This address and code do not match a live invitation (after 5 wrong codes an invitation stops working: ask for a new code).', 'code');
