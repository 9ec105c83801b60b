// Push. Consecutive mutations of one packet are applied in one transaction:
// their (client, mutation) ids are recorded first, so a replay after a lost
// answer or a killed server changes nothing, and the packet is read and
// written once for the run. Each op is still decided on its own (merged with
// hybrid logical clocks, refused alone if it would make the packet invalid).
// Writers of different packets never wait for each other: the packet row is
// locked (FOR UPDATE; a packet not yet created, its key), and each change is
// positioned by its transaction id (./change-position.ts), so a pull cursor
// never skips a change without a team-wide lock.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { newPacket, packetSchema, storedPacketSchema, type Packet } from '@/lib/packet/schema';
import { emptySnapshot } from '@/lib/crm/types';
import { parseDealKey } from '@/lib/crm/deal-key';
import type { Mutation, PushBody } from '@/lib/sync/api-schemas';
import { mergeOp, type Clocks } from '@/lib/sync/merge-mutation';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { writeTransaction } from '../db/write-transaction';
import { auditLog, mutations, packets, users } from '../db/schema';
import type { Tx } from '../audit';
import { enqueueNotice } from '../webhooks/outbox';
import { isWonStage } from '@/lib/engagement/stage-progress';
import { engagementPolicyFor } from './team-engagement';
import { changePosition } from './change-position';
import { editVerdict, REFUSAL_CODES, type EditContext, type RefusalCode } from '@/lib/packet/edit-rights';

/** One mutation's outcome; a refusal carries a code (message `refusal.<code>` in the UI) and the reason in English. */
export type MutationResult = { id: string; status: 'applied' | 'duplicate' | 'rejected'; code?: RefusalCode; reason?: string };

/** English reasons for logs and API callers; the extension shows `refusal.<code>` in the user's language. */
const REASONS: Record<RefusalCode, string> = {
  notOwner: 'reps edit only their own packets',
  noPacket: 'no such packet; a packet is started by its sales rep',
  csmBeforeAcceptance: 'a CSM returns or accepts a submitted packet; edits start after acceptance, as amendments',
  expansionAfterAcceptance: 'the expansion log opens after acceptance',
  expansionReviewers: 'the expansion log is kept by customer success and managers',
  notEditable: 'this part of the packet is set by the server, not edited',
  invalid: 'invalid change',
};

/** The packet row, locked for this transaction; a key with no packet yet is locked by its hash, so racing first edits queue and the second sees the first's row. */
async function lockPacket(tx: Tx, teamId: number, key: string) {
  const read = () => tx.select().from(packets).where(and(eq(packets.teamId, teamId), eq(packets.key, key))).limit(1).for('update');
  const [row] = await read();
  if (row) return row;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(7304222, hashtext(${`${teamId}:${key}`}))`);
  return (await read())[0];
}

async function applyRun(db: Db, caller: Caller, clientId: string, run: Mutation[]): Promise<MutationResult[]> {
  const key = run[0]!.packetKey;
  return writeTransaction(db, async (tx) => {
    const fresh = new Set(
      (
        await tx
          .insert(mutations)
          .values(run.map((m) => ({ teamId: caller.teamId, clientId, mutationId: m.id, userId: caller.userId, result: 'pending' })))
          .onConflictDoNothing()
          .returning({ id: mutations.mutationId })
      ).map((r) => r.id),
    );
    const results = new Map<string, MutationResult>();
    for (const m of run) if (!fresh.has(m.id)) results.set(m.id, { id: m.id, status: 'duplicate' });
    // A replay of a refused mutation (its answer was lost) is told the refusal again, so the client keeps it for the person.
    if (results.size) await replayRefusals(tx, caller.teamId, clientId, results);
    const todo = run.filter((m) => fresh.has(m.id) && !results.has(m.id));
    const finish = async () => {
      const applied = todo.filter((m) => results.get(m.id)?.status === 'applied').map((m) => m.id);
      if (applied.length)
        await tx.update(mutations).set({ result: 'applied' }).where(and(eq(mutations.teamId, caller.teamId), eq(mutations.clientId, clientId), inArray(mutations.mutationId, applied)));
      for (const m of todo) {
        const r = results.get(m.id)!;
        if (r.status === 'rejected')
          await tx.update(mutations).set({ result: `rejected:${r.code}: ${r.reason}` }).where(and(eq(mutations.teamId, caller.teamId), eq(mutations.clientId, clientId), eq(mutations.mutationId, m.id)));
      }
      return run.map((m) => results.get(m.id)!);
    };
    if (!todo.length) return finish();
    const refuse = (m: Mutation, code: RefusalCode, reason = REASONS[code]) => results.set(m.id, { id: m.id, status: 'rejected', code, reason });

    const row = await lockPacket(tx, caller.teamId, key);
    let packet: Packet;
    let clocks: Clocks;
    if (!row) {
      const identity = parseDealKey(key);
      if (!identity) {
        for (const m of todo) refuse(m, 'invalid', 'packetKey is not crm:tenant:recordId');
        return finish();
      }
      packet = newPacket(identity, emptySnapshot(), '', new Date());
      clocks = {};
    } else {
      packet = storedPacketSchema.parse(row.data);
      clocks = row.clocks;
    }
    // The shared rule (lib/packet/edit-rights.ts) decides each op, as the sidebar did before offering it.
    const ctx: EditContext = { role: caller.role, owner: !row || row.ownerUserId === caller.userId, status: row ? packet.status : null };
    const allowed = todo.filter((m) => {
      const v = editVerdict(ctx, m.op);
      if (!v.ok) refuse(m, v.code);
      return v.ok;
    });
    if (!allowed.length) return finish();

    const audits: (typeof auditLog.$inferInsert)[] = [];
    const startPacket = packet;
    const startClocks = clocks;
    const action = packet.status === 'accepted' ? 'packet.amend' : 'packet.edit';
    // Fast path: apply every op, validate once. If the result is invalid, redo
    // one op at a time so only the offending ops are refused.
    const applyAll = (validateEach: boolean) => {
      let p = startPacket;
      let c = startClocks;
      audits.length = 0;
      for (const m of allowed) {
        try {
          const merged = mergeOp(p, c, m.op, m.hlc);
          if (validateEach) packetSchema.parse(merged.packet);
          p = merged.packet;
          c = merged.clocks;
          results.set(m.id, { id: m.id, status: 'applied' });
          if (merged.changed) audits.push({ teamId: caller.teamId, userId: caller.userId, action, packetKey: key, after: m.op });
          for (const l of merged.lost) audits.push({ teamId: caller.teamId, userId: caller.userId, action: 'packet.edit_lost', packetKey: key, before: l });
        } catch (e) {
          refuse(m, 'invalid', e instanceof Error ? e.message.slice(0, 300) : REASONS.invalid);
        }
      }
      return { p, c };
    };
    let { p, c } = applyAll(false);
    if (!packetSchema.safeParse(p).success) ({ p, c } = applyAll(true));

    const changed = p !== startPacket;
    const now = new Date();
    const appliedOps = todo.filter((m) => results.get(m.id)?.status === 'applied').map((m) => m.op);
    const next = changed ? await reviewAfterEdits(tx, caller.teamId, startPacket, { ...p, updatedAt: now.toISOString() }, appliedOps, now) : { ...p, updatedAt: now.toISOString() };
    if (!row) {
      if (changed) {
        await tx.insert(packets).values({
          teamId: caller.teamId,
          key,
          ownerUserId: caller.userId,
          status: next.status,
          data: next,
          clocks: c,
          seq: changePosition as unknown as number,
        });
        audits.unshift({ teamId: caller.teamId, userId: caller.userId, action: 'packet.create', packetKey: key });
      }
    } else if (changed) {
      await tx.update(packets).set({ data: next, clocks: c, seq: changePosition as unknown as number, updatedAt: now }).where(eq(packets.id, row.id));
    } else if (c !== startClocks) {
      await tx.update(packets).set({ clocks: c }).where(eq(packets.id, row.id));
    }
    for (let i = 0; i < audits.length; i += 500) await tx.insert(auditLog).values(audits.slice(i, i + 500));
    // A CSM's new expansion opportunity goes back to the deal's sales owner (team chat).
    const opportunities = todo.filter((m) => m.op.kind === 'add' && m.op.list === 'expansion.opportunities' && results.get(m.id)?.status === 'applied');
    if (opportunities.length && row && changed) await announceOpportunities(tx, caller, key, next, row.ownerUserId, opportunities.map((m) => (m.op as { item: { id: string } }).item.id));
    return finish();
  });
}

/**
 * What the server itself records after edits: the first time the deal shows
 * its won stage starts the intro clock (if the team says so); after acceptance
 * every change is an amendment, remembered where so both sides see what is new.
 */
async function reviewAfterEdits(tx: Tx, teamId: number, start: Packet, edited: Packet, applied: Mutation['op'][], now: Date): Promise<Packet> {
  let next = edited;
  if (!next.review.wonAt && applied.some((op) => op.kind === 'deal')) {
    if (isWonStage(next.identity.crm, next.deal.stage ?? next.dealOverrides.stage ?? null, await engagementPolicyFor(tx, teamId)))
      next = { ...next, review: { ...next.review, wonAt: now.toISOString() } };
  }
  if (start.status === 'accepted') {
    const touched = applied.map(amendedPath).filter((x): x is string => !!x);
    next = { ...next, review: { ...next.review, amendedPaths: [...new Set([...next.review.amendedPaths, ...touched])].slice(0, 200) } };
  }
  return next;
}

/** Stored results read "rejected:<code>: <reason>" (older rows "rejected: <reason>"). */
async function replayRefusals(tx: Tx, teamId: number, clientId: string, results: Map<string, MutationResult>) {
  const rows = await tx
    .select({ id: mutations.mutationId, result: mutations.result })
    .from(mutations)
    .where(and(eq(mutations.teamId, teamId), eq(mutations.clientId, clientId), inArray(mutations.mutationId, [...results.keys()])));
  for (const row of rows) {
    const m = /^rejected:(?:(\w+):)? ?([\s\S]*)$/.exec(row.result);
    if (!m) continue;
    const code = (REFUSAL_CODES as readonly string[]).includes(m[1] ?? '') ? (m[1] as RefusalCode) : 'invalid';
    results.set(row.id, { id: row.id, status: 'rejected', code, reason: m[2] || REASONS[code] });
  }
}

/** Where an op lands, as the editor names fields and lists. */
function amendedPath(op: Mutation['op']): string | null {
  if (op.kind === 'set') return op.path;
  if (op.kind === 'add' || op.kind === 'update' || op.kind === 'remove') return op.list;
  return null;
}

async function announceOpportunities(tx: Tx, caller: Caller, key: string, packet: Packet, ownerUserId: number, ids: string[]) {
  const [owner] = await tx.select({ name: users.name, channel: users.channel }).from(users).where(eq(users.id, ownerUserId));
  for (const id of ids) {
    const o = packet.expansion.opportunities.find((x) => x.id === id);
    if (!o) continue;
    await enqueueNotice(tx, caller.teamId, `expansion:${key}:${id}`, {
      event: 'expansion.opportunity',
      title: `Expansion opportunity: ${packet.deal.accountName ?? packet.deal.dealName ?? key}`,
      lines: [`For ${owner?.channel?.startsWith('partner:') ? 'the partner who sold it' : (owner?.name ?? 'the sales owner')}, from ${caller.name}`, o.summary.slice(0, 300), ...(o.value !== null ? [`Value: ${o.value}`] : [])],
      ...(packet.dealUrl ? { url: packet.dealUrl } : {}),
      for: [ownerUserId],
    });
  }
}

export async function push(db: Db, caller: Caller, body: PushBody): Promise<MutationResult[]> {
  const out: MutationResult[] = [];
  let i = 0;
  while (i < body.mutations.length) {
    let j = i + 1;
    while (j < body.mutations.length && body.mutations[j]!.packetKey === body.mutations[i]!.packetKey) j++;
    out.push(...(await applyRun(db, caller, body.clientId, body.mutations.slice(i, j))));
    i = j;
  }
  return out;
}
