// Push: a request's mutations in one transaction, whatever packets they
// touch. Their (client, mutation) ids are recorded with their results, so a
// replay after a lost answer or a killed server changes nothing, and each
// packet is read and written once for the request. Each op is still decided
// on its own (merged with hybrid logical clocks, refused alone if it would
// make the packet invalid). Writers of different packets never wait for each
// other: the packet rows are locked (FOR UPDATE; two first edits of a packet
// race on its key, and the loser runs again), and each change is positioned
// by its transaction id (./change-position.ts), so a pull cursor never skips
// a change without a team-wide lock.
import { eq, sql } from 'drizzle-orm';
import { newPacket, packetSchema, storedPacketSchema, type Packet } from '@/lib/packet/schema';
import { emptySnapshot } from '@/lib/crm/types';
import { parseDealKey } from '@/lib/crm/deal-key';
import type { Mutation, PushBody } from '@/lib/sync/api-schemas';
import { mergeOp, type Clocks } from '@/lib/sync/merge-mutation';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { auditLog, users } from '../db/schema';
import { executeNamed } from '../db/named-statement';
import { writeTransaction } from '../db/write-transaction';
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
  notYourStage: 'implementation works on packets at the implementation stage; earlier sections only as amendments',
  implementationSection: 'the implementation section is filled by implementation once it accepts the customer',
};

type PacketRow = { id: number; key: string; ownerUserId: number; data: unknown; clocks: Clocks };
type RowJson = { id: number | string; key: string; owner_user_id: number | string; data: unknown; clocks: Clocks };
const rowFrom = (r: RowJson): PacketRow => ({ id: Number(r.id), key: r.key, ownerUserId: Number(r.owner_user_id), data: r.data, clocks: r.clocks });

/**
 * The stored results of the request's mutation ids seen before (a replay), and
 * the request's packets locked, in one statement (FOR UPDATE, in key order, so
 * two requests lock shared packets in one order). The fresh ids are recorded
 * with their results when written (writeOutcomes): a concurrent replay of the
 * same ids then fails on the key and runs again, finding them (push).
 */
async function readAndLock(tx: Tx, caller: Caller, clientId: string, ids: string[], keys: string[]) {
  const res = await executeNamed<{ seen: Record<string, string>; rows: RowJson[] }>(tx, 'push_read_lock', sql`
    WITH locked AS (
      SELECT id, key, owner_user_id, data, clocks FROM packets
      WHERE team_id = ${caller.teamId} AND key IN (SELECT json_array_elements_text(${JSON.stringify(keys)}::json))
      ORDER BY key FOR UPDATE)
    SELECT (SELECT coalesce(json_object_agg(m.mutation_id, m.result), '{}'::json) FROM mutations m
        WHERE m.team_id = ${caller.teamId} AND m.client_id = ${clientId} AND m.mutation_id IN (SELECT json_array_elements_text(${JSON.stringify(ids)}::json))) AS seen,
      (SELECT coalesce(json_agg(l), '[]'::json) FROM locked l) AS rows`);
  const row = res.rows[0]!;
  return { seen: row.seen, rows: new Map(row.rows.map((r) => [r.key, rowFrom(r)])) };
}

/** What one packet's mutations come to: results, the row to write, audit entries. */
interface PacketOutcome {
  key: string;
  row: PacketRow | undefined;
  /** the packet to store when it changed; null when only clocks moved or nothing did */
  next: Packet | null;
  clocks: Clocks | null;
  audits: (typeof auditLog.$inferInsert)[];
  opportunities: string[];
}

type Refuse = (m: Mutation, code: RefusalCode, reason?: string) => void;

/** Decides one packet's fresh mutations (in order) against its stored row. */
async function applyToPacket(tx: Tx, caller: Caller, key: string, row: PacketRow | undefined, todo: Mutation[], results: Map<string, MutationResult>, refuse: Refuse, now: Date): Promise<PacketOutcome> {
  const none: PacketOutcome = { key, row, next: null, clocks: null, audits: [], opportunities: [] };
  let packet: Packet;
  let clocks: Clocks;
  if (!row) {
    const identity = parseDealKey(key);
    if (!identity) {
      for (const m of todo) refuse(m, 'invalid', 'packetKey is not crm:tenant:recordId');
      return none;
    }
    packet = newPacket(identity, emptySnapshot(), '', new Date());
    clocks = {};
  } else {
    packet = storedPacketSchema.parse(row.data);
    clocks = row.clocks;
  }
  // The shared rule (lib/packet/edit-rights.ts) decides each op, as the sidebar did before offering it.
  const ctx: EditContext = { role: caller.role, owner: !row || row.ownerUserId === caller.userId, status: row ? packet.status : null, relay: row ? packet.relay : undefined };
  const amendments = new Set<string>();
  const allowed = todo.filter((m) => {
    const v = editVerdict(ctx, m.op);
    if (!v.ok) refuse(m, v.code);
    else if (v.amendment) amendments.add(m.id);
    return v.ok;
  });
  if (!allowed.length) return none;

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
  const applied = todo.filter((m) => results.get(m.id)?.status === 'applied');
  const next = changed ? await reviewAfterEdits(tx, caller.teamId, { ...p, updatedAt: now.toISOString() }, applied.map((m) => m.op), applied.filter((m) => amendments.has(m.id)).map((m) => m.op), now) : null;
  if (!row && !changed) return { ...none, audits };
  if (!row) audits.unshift({ teamId: caller.teamId, userId: caller.userId, action: 'packet.create', packetKey: key });
  // A CSM's new expansion opportunity goes back to the deal's sales owner (team chat).
  const opportunities = row && changed ? applied.filter((m) => m.op.kind === 'add' && m.op.list === 'expansion.opportunities').map((m) => (m.op as { item: { id: string } }).item.id) : [];
  return { key, row, next, clocks: changed || c !== startClocks ? c : null, audits, opportunities };
}

/**
 * What the server itself records after edits: the first time the deal shows
 * its won stage starts the intro clock (if the team says so); after acceptance
 * every change is an amendment, remembered where so both sides see what is new.
 */
async function reviewAfterEdits(tx: Tx, teamId: number, edited: Packet, applied: Mutation['op'][], amended: Mutation['op'][], now: Date): Promise<Packet> {
  let next = edited;
  if (!next.review.wonAt && applied.some((op) => op.kind === 'deal')) {
    if (isWonStage(next.identity.crm, next.deal.stage ?? next.dealOverrides.stage ?? null, await engagementPolicyFor(tx, teamId)))
      next = { ...next, review: { ...next.review, wonAt: now.toISOString() } };
  }
  // the ops edit-rights calls amendments: after acceptance, and a stage's section once the next stage accepted it
  if (amended.length) {
    const touched = amended.map(amendedPath).filter((x): x is string => !!x);
    next = { ...next, review: { ...next.review, amendedPaths: [...new Set([...next.review.amendedPaths, ...touched])].slice(0, 200) } };
  }
  return next;
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

/**
 * The whole request's packets, fresh mutations and their audit entries are
 * written in one statement; the packets share one change position (pull never
 * ends a page inside such a group).
 */
async function writeOutcomes(tx: Tx, caller: Caller, clientId: string, outcomes: PacketOutcome[], finalResults: { id: string; result: string }[], now: Date) {
  const updates = outcomes.filter((o) => o.row && o.clocks).map((o) => ({ id: o.row!.id, data: o.next, clocks: o.clocks }));
  const inserts = outcomes.filter((o) => !o.row && o.next).map((o) => ({ key: o.key, status: o.next!.status, data: o.next, clocks: o.clocks }));
  const audits = outcomes.flatMap((o) => o.audits).map((a, n) => ({ n, action: a.action, packet_key: a.packetKey ?? null, before: a.before ?? null, after: a.after ?? null }));
  await executeNamed(tx, 'push_write', sql`
    WITH upd AS (
      UPDATE packets p SET data = coalesce(v.data, p.data), clocks = v.clocks,
        seq = CASE WHEN v.data IS NULL THEN p.seq ELSE ${changePosition} END,
        updated_at = CASE WHEN v.data IS NULL THEN p.updated_at ELSE ${now.toISOString()}::timestamptz END
      FROM json_to_recordset(${JSON.stringify(updates)}::json) AS v(id bigint, data jsonb, clocks jsonb) WHERE p.id = v.id),
    ins AS (
      INSERT INTO packets (team_id, key, owner_user_id, status, data, clocks, seq)
      SELECT ${caller.teamId}, v.key, ${caller.userId}, v.status, v.data, v.clocks, ${changePosition}
      FROM json_to_recordset(${JSON.stringify(inserts)}::json) AS v(key text, status text, data jsonb, clocks jsonb)),
    aud AS (
      INSERT INTO audit_log (team_id, user_id, action, packet_key, before, after)
      SELECT ${caller.teamId}, ${caller.userId}, a.action, a.packet_key, a.before, a.after
      FROM json_to_recordset(${JSON.stringify(audits)}::json) AS a(n int, action text, packet_key text, before jsonb, after jsonb) ORDER BY a.n),
    res AS (
      INSERT INTO mutations (team_id, client_id, mutation_id, user_id, result)
      SELECT ${caller.teamId}, ${clientId}, r.id, ${caller.userId}, r.result FROM json_to_recordset(${JSON.stringify(finalResults)}::json) AS r(id text, result text))
    SELECT 1`);
}

/** Stored results read "rejected:<code>: <reason>" (older rows "rejected: <reason>"); a replay of a refused mutation is told the refusal again. */
function replayed(id: string, stored: string | undefined): MutationResult {
  const m = stored === undefined ? null : /^rejected:(?:(\w+):)? ?([\s\S]*)$/.exec(stored);
  if (!m) return { id, status: 'duplicate' };
  const code = (REFUSAL_CODES as readonly string[]).includes(m[1] ?? '') ? (m[1] as RefusalCode) : 'invalid';
  return { id, status: 'rejected', code, reason: m[2] || REASONS[code] };
}

/**
 * A concurrent request got there first: it recorded one of these mutation ids
 * (the same client replaying) or created one of these packets (a first edit
 * racing another). This request wrote nothing; run again, it finds them.
 */
const RACES = new Set(['mutations_pkey', 'packets_team_id_key_key']);
function isRace(e: unknown): boolean {
  for (let x: unknown = e; x; x = (x as { cause?: unknown }).cause) if (RACES.has((x as { constraint?: string }).constraint ?? '')) return true;
  return false;
}

/**
 * A request's mutations in one transaction, whatever packets they touch:
 * earlier results read and packets locked in one statement, decided packet
 * by packet (each op on its own), written in one statement. A replay after a
 * lost answer or a killed server changes nothing; a request racing another
 * over a mutation id or a new packet fails on its key and runs again (isRace).
 */
export async function push(db: Db, caller: Caller, body: PushBody): Promise<MutationResult[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await pushOnce(db, caller, body);
    } catch (e) {
      if (attempt >= 3 || !isRace(e)) throw e;
    }
  }
}

async function pushOnce(db: Db, caller: Caller, body: PushBody): Promise<MutationResult[]> {
  const keys = [...new Set(body.mutations.map((m) => m.packetKey))];
  return writeTransaction(db, async (tx) => {
    const results = new Map<string, MutationResult>();
    const { seen, rows } = await readAndLock(tx, caller, body.clientId, [...new Set(body.mutations.map((m) => m.id))], keys);
    for (const m of body.mutations) if (m.id in seen) results.set(m.id, replayed(m.id, seen[m.id]));
    // An id twice in one request: the first is the mutation, the second its replay.
    const fresh = new Set<string>();
    const todo = body.mutations.filter((m) => !results.has(m.id) && !fresh.has(m.id) && fresh.add(m.id));
    const refuse: Refuse = (m, code, reason = REASONS[code]) => results.set(m.id, { id: m.id, status: 'rejected', code, reason });
    const now = new Date();
    const outcomes: PacketOutcome[] = [];
    for (const key of keys) {
      const mine = todo.filter((m) => m.packetKey === key);
      if (mine.length) outcomes.push(await applyToPacket(tx, caller, key, rows.get(key), mine, results, refuse, now));
    }
    const finalResults = todo.map((m) => results.get(m.id)!).map((r) => ({ id: r.id, result: r.status === 'rejected' ? `rejected:${r.code}: ${r.reason}` : 'applied' }));
    if (todo.length) await writeOutcomes(tx, caller, body.clientId, outcomes, finalResults, now);
    for (const o of outcomes) if (o.opportunities.length) await announceOpportunities(tx, caller, o.key, o.next!, o.row!.ownerUserId, o.opportunities);
    const answered = new Set<string>();
    return body.mutations.map((m) => (answered.has(m.id) ? { id: m.id, status: 'duplicate' as const } : (answered.add(m.id), results.get(m.id)!)));
  });
}
