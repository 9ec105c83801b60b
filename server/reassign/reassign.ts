// The reassignment handoff (issue 16 item 2): a manager moves all of one
// person's customers to one or several people of the same role in ONE
// transaction — claims change holder (audited with who, when and why),
// open packets change owner (or accepted ones their CSM) each with a handoff
// note, every receiver gets a notice (team chat @mention, and the popup's
// "needs me" through GET /v1/me/handoffs), the person's tokens and unused
// sign-in codes are revoked, and the account is deactivated or given its new
// role. The preview runs the same rules without writing. Who gets what is
// decided by lib/reassign (pure, unit-tested).
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { ReassignBody, ReassignPlanAnswer } from '@/lib/reassign/api-schemas';
import { customersOf, planReassignment, sameHoldings } from '@/lib/reassign/plan';
import { receiverTotals } from '@/lib/reassign/totals';
import { holdsCustomers, mayGrant, receiverIssues, roleChangeIssues } from '@/lib/reassign/rules';
import { audit, type Tx } from '../audit';
import { callerCacheOf } from '../auth/caller-cache';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { claims, handoffNotes, packets, reassignments, signInCodes, tokens, users } from '../db/schema';
import { writeTransaction } from '../db/write-transaction';
import { ApiError, notFound } from '../http/errors';
import { invalidInput } from '../http/validate';
import { changePosition } from '../packets/change-position';
import { enqueueNotice } from '../webhooks/outbox';
import { holdingsOf, teamPeople, type Holdings } from './holdings';

type People = Awaited<ReturnType<typeof teamPeople>>;

interface Planned {
  answer: ReassignPlanAnswer;
  people: People;
  holdings: Holdings;
}

/**
 * The plan for moving `leaverId`'s customers, checked. Errors: 404 (no such
 * person in the caller's team), 409 cannot_reassign (the person's role holds
 * no customers) or deactivated (already left), 403 (a new role the caller may
 * not give), 400 invalid with the field paths (receivers, choices, notes,
 * newRole). `lock`: read inside the reassigning transaction, rows locked.
 */
async function planFor(tx: Tx | Db, caller: Caller, leaverId: number, body: ReassignBody, lock: boolean): Promise<Planned> {
  if (lock) await tx.select({ id: users.id }).from(users).where(and(eq(users.id, leaverId), eq(users.teamId, caller.teamId))).for('update');
  const people = await teamPeople(tx, caller.teamId);
  const leaver = people.find((p) => p.id === leaverId);
  if (!leaver) throw notFound('No such user.');
  if (!holdsCustomers(leaver.role)) throw new ApiError(409, 'cannot_reassign', `A ${leaver.role} holds no customers to reassign; only a rep's, an implementation person's or a CSM's can be.`, null, { role: leaver.role });
  if (!leaver.active) throw new ApiError(409, 'deactivated', `${leaver.name} has left the team already.`);
  if (body.outcome === 'changesRole' && body.newRole && !mayGrant(caller.role, body.newRole)) {
    throw new ApiError(403, 'forbidden', `Only admin may make a person ${body.newRole}.`, null, { allowed: ['admin'] });
  }
  const holdings = await holdingsOf(tx, caller.teamId, leaver.id, new Date(), lock);
  const customers = customersOf(holdings.claims, holdings.packets);
  const plan = planReassignment(customers, body);
  const issues = [...receiverIssues(leaver, body.receivers, people), ...roleChangeIssues(leaver, body), ...plan.issues];
  if (issues.length) throw invalidInput(issues, { form: 'reassign', input: body });
  const receivers = body.receivers.map((id) => people.find((p) => p.id === id)!);
  const answer: ReassignPlanAnswer = {
    leaver: { id: leaver.id, name: leaver.name, role: leaver.role },
    customers: plan.customers,
    receivers: receiverTotals(plan.customers, receivers),
    totals: { customers: plan.customers.length, claims: holdings.claims.length, packets: holdings.packets.length, tokens: holdings.tokens },
  };
  return { answer, people, holdings };
}

/** What a reassignment would move, without moving anything (the same checks and errors as `reassign`). */
export async function previewReassignment(db: Db, caller: Caller, leaverId: number, body: ReassignBody): Promise<ReassignPlanAnswer> {
  return (await planFor(db, caller, leaverId, body, false)).answer;
}

/**
 * Carries out the plan in one transaction; the answer is the plan with its
 * `reassignmentId`. Besides planFor's errors: 409 plan_changed (with the new
 * plan as `plan`) when `expected` no longer matches what the person holds.
 */
export async function reassign(db: Db, caller: Caller, leaverId: number, body: ReassignBody): Promise<ReassignPlanAnswer> {
  const done = await writeTransaction(db, async (tx) => {
    const planned = await planFor(tx, caller, leaverId, body, true);
    const { answer } = planned;
    if (body.expected && !sameHoldings(answer.customers, body.expected)) {
      throw new ApiError(409, 'plan_changed', 'What this person holds changed since the preview; nothing was moved.', null, { plan: answer });
    }
    const [row] = await tx
      .insert(reassignments)
      .values({ teamId: caller.teamId, fromUserId: leaverId, byUserId: caller.userId, reason: body.reason, outcome: body.outcome, newRole: body.outcome === 'changesRole' ? body.newRole! : null })
      .returning({ id: reassignments.id });
    const reassignmentId = row!.id;
    await moveCustomers(tx, caller, planned, body.reason, reassignmentId);
    await closeAccount(tx, caller, planned, body, reassignmentId);
    return { ...answer, reassignmentId };
  });
  // Committed: this process refuses the person's tokens at once (others within CALLER_TTL_MS).
  callerCacheOf(db).forgetUser(leaverId);
  return done;
}

/** Claims and packets to their receivers, each audited and with a handoff note; one notice per receiver. */
async function moveCustomers(tx: Tx, caller: Caller, { answer, people, holdings }: Planned, reason: string, reassignmentId: number): Promise<void> {
  const teamId = caller.teamId;
  const from = answer.leaver;
  const log = { reassignmentId, reason };
  const notes: (typeof handoffNotes.$inferInsert)[] = [];
  for (const c of answer.customers) {
    const to = people.find((p) => p.id === c.receiverId)!;
    const claimIds = c.claims.map((x) => x.id);
    if (claimIds.length) await tx.update(claims).set({ userId: to.id, department: to.department }).where(and(eq(claims.teamId, teamId), inArray(claims.id, claimIds)));
    for (const x of c.claims) {
      const held = holdings.claims.find((h) => h.id === x.id)!;
      await audit(tx, { teamId, userId: caller.userId, action: 'claim.transfer', before: { claimId: x.id, userId: from.id }, after: { userId: to.id, ...log } });
      notes.push({ teamId, reassignmentId, toUserId: to.id, claimId: x.id, label: x.customer, dealUrl: held.dealUrl, note: '' });
    }
    for (const p of c.packets) {
      const held = holdings.packets.find((h) => h.key === p.key)!;
      const holder = p.as === 'owner' ? { ownerUserId: to.id } : { csmUserId: to.id };
      // A new change position: the receiver's next pull brings the packet.
      await tx
        .update(packets)
        .set({ ...holder, seq: changePosition as unknown as number, updatedAt: new Date() })
        .where(eq(packets.id, held.id));
      await audit(tx, { teamId, userId: caller.userId, action: 'packet.reassign', packetKey: p.key, before: { [p.as]: from.id }, after: { [p.as]: to.id, note: p.note, ...log } });
      notes.push({ teamId, reassignmentId, toUserId: to.id, packetKey: p.key, label: p.dealName || c.label, dealUrl: held.dealUrl || null, note: p.note });
    }
  }
  if (notes.length) await tx.insert(handoffNotes).values(notes);
  for (const r of answer.receivers.filter((x) => x.customers > 0)) {
    const labels = answer.customers.filter((c) => c.receiverId === r.id).map((c) => c.label);
    await enqueueNotice(tx, teamId, `reassign:${reassignmentId}:${r.id}`, {
      event: 'customers.reassigned',
      title: `Baton: ${r.customers} customers of ${from.name} handed to ${r.name}`,
      lines: [`By ${caller.name}, because: ${reason}`, ...labels.slice(0, 10), ...(labels.length > 10 ? [`… and ${labels.length - 10} more`] : [])],
      for: [r.id],
    });
  }
}

/** The person's tokens and unused sign-in codes revoked; the account deactivated or given its new role; audited. */
async function closeAccount(tx: Tx, caller: Caller, { answer }: Planned, body: ReassignBody, reassignmentId: number): Promise<void> {
  const id = answer.leaver.id;
  const now = new Date();
  const revoked = await tx.update(tokens).set({ revokedAt: now }).where(and(eq(tokens.userId, id), isNull(tokens.revokedAt))).returning({ id: tokens.id });
  await tx.update(signInCodes).set({ usedAt: now }).where(and(eq(signInCodes.userId, id), isNull(signInCodes.usedAt)));
  const [before] = await tx.select({ role: users.role, channel: users.channel }).from(users).where(eq(users.id, id));
  const change =
    body.outcome === 'leaves'
      ? { deactivatedAt: now }
      : { role: body.newRole!, channel: body.newRole === 'rep' ? (before!.channel ?? 'direct') : null };
  await tx.update(users).set(change).where(and(eq(users.id, id), eq(users.teamId, caller.teamId)));
  await audit(tx, {
    teamId: caller.teamId,
    userId: caller.userId,
    action: body.outcome === 'leaves' ? 'user.leave' : 'user.change',
    before: { userId: id, role: before!.role },
    after: { reassignmentId, reason: body.reason, ...(body.outcome === 'changesRole' ? { role: body.newRole } : { deactivated: true }), tokensRevoked: revoked.map((t) => t.id), ...answer.totals },
  });
}
