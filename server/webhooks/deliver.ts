// Delivery of the outbox, safe from several servers at once and with no
// network call inside a transaction that locks rows:
// 1. claim (one short transaction): lock the robots with due notices (SKIP
//    LOCKED), take as many notices as each robot's documented pace allows
//    (sliding minute of its recent sends; a digest when more are due), plan
//    each send's time (the tool's gap between two), lease the rows and commit;
// 2. send each message at its planned time, outside any transaction;
// 3. record each result by the tool's own answer (./providers): delivered;
//    retried after the tool's window (rate limit) or with backoff; or failed
//    for good with the tool's message. A lease that runs out (a server died
//    mid-send) makes the notice due again.
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/connect';
import { writeTransaction } from '../db/write-transaction';
import { webhookFailures } from '../metrics/series';
import { webhookOutbox, webhooks } from '../db/schema';
import { DIGEST_MAX, digestMessage, noticeMessage, pack } from './pack';
import { PROVIDERS } from './providers';
import type { ChatMessage, ChatProvider, Robot, Verdict } from './providers/types';
import type { StoredNotice } from './outbox';

export interface DeliveryOptions {
  fetch?: typeof fetch;
  /** at most this many notices per call */
  limit?: number;
  /** the tools' time windows times this: tests run a provider's minute in a fraction of one */
  windowScale?: number;
}

export const backoffMs = (attempts: number) => Math.min(3_600_000, 2_000 * 2 ** Math.min(attempts, 20));
/** After this many failed tries (not counting "too fast" answers) a notice is marked failed. */
export const MAX_ATTEMPTS = 25;
const LEASE_MS = 120_000;
const SEND_TIMEOUT_MS = 5_000;
/** A call plans sends at most this far ahead; the rest waits for the next call. */
const PLAN_AHEAD_MS = 15_000;

interface Row {
  id: number;
  key: string;
  attempts: number;
  body: unknown;
}
interface Send {
  rows: Row[];
  at: number;
  message: ChatMessage | null;
  raw: unknown;
}
interface RobotBatch {
  hookId: number;
  provider: ChatProvider;
  robot: Robot;
  sends: Send[];
}

const isStored = (b: unknown): b is StoredNotice => !!b && typeof b === 'object' && typeof (b as StoredNotice).title === 'string' && Array.isArray((b as StoredNotice).lines);
const dueRows = sql`${webhookOutbox.deliveredAt} IS NULL AND ${webhookOutbox.failedAt} IS NULL AND ${webhookOutbox.nextAt} <= now()`;

/** The messages for one robot's due rows: stored notices packed; a row from before migration 0009 holds its body as sent. */
function plan(rows: Row[], budget: number, provider: ChatProvider): Omit<Send, 'at'>[] {
  const legacy = rows.filter((r) => !isStored(r.body)).slice(0, budget);
  const stored = rows.filter((r) => isStored(r.body));
  const groups = pack(stored.map((r) => r.body as StoredNotice), budget - legacy.length, provider);
  return [
    ...legacy.map((r) => ({ rows: [r], message: null, raw: r.body })),
    ...groups.map((g) => {
      const ns = g.map((i) => stored[i]!);
      const message = ns.length === 1 ? noticeMessage(ns[0]!.body as StoredNotice) : digestMessage(ns.map((r) => r.body as StoredNotice));
      return { rows: ns, message, raw: null };
    }),
  ];
}

async function claim(db: Db, limit: number, scale: number): Promise<RobotBatch[]> {
  return writeTransaction(db, async (tx) => {
    const ids = (await tx.selectDistinct({ id: webhookOutbox.webhookId }).from(webhookOutbox).where(dueRows).limit(50)).map((r) => r.id);
    if (!ids.length) return [];
    const hooks = await tx
      .select()
      .from(webhooks)
      .where(and(inArray(webhooks.id, ids), isNull(webhooks.removedAt), or(isNull(webhooks.blockedUntil), lte(webhooks.blockedUntil, sql`now()`))))
      .orderBy(asc(webhooks.id))
      .for('update', { skipLocked: true });
    const out: RobotBatch[] = [];
    let left = limit;
    const now = Date.now();
    for (const h of hooks) {
      if (left <= 0) break;
      const provider = PROVIDERS[h.kind];
      const recent = h.recentSends.filter((t) => t > now - 60_000 * scale).sort((a, b) => a - b);
      // The robot's pace decides whether notices are collapsed; the call's limit only how many are taken now.
      const budget = provider.perMinute - recent.length;
      if (budget <= 0) continue;
      const rows = await tx
        .select({ id: webhookOutbox.id, key: webhookOutbox.idempotencyKey, attempts: webhookOutbox.attempts, body: webhookOutbox.body })
        .from(webhookOutbox)
        .where(and(eq(webhookOutbox.webhookId, h.id), dueRows))
        .orderBy(asc(webhookOutbox.id))
        .limit(Math.min(budget * DIGEST_MAX, 500))
        .for('update', { skipLocked: true });
      let last = recent.length ? recent[recent.length - 1]! : -Infinity;
      const sends: Send[] = [];
      let taken = 0;
      for (const s of plan(rows, budget, provider)) {
        const at = Math.max(now, last + provider.minGapMs * scale);
        if (at > now + PLAN_AHEAD_MS || taken + s.rows.length > left) break;
        taken += s.rows.length;
        sends.push({ ...s, at });
        last = at;
      }
      if (!sends.length) continue;
      const leased = sends.flatMap((s) => s.rows.map((r) => r.id));
      left -= leased.length;
      await tx.update(webhookOutbox).set({ attempts: sql`${webhookOutbox.attempts} + 1`, nextAt: new Date(now + LEASE_MS + PLAN_AHEAD_MS) }).where(inArray(webhookOutbox.id, leased));
      // Each planned send holds a place in the robot's minute until its answer gives the real time.
      await tx.update(webhooks).set({ recentSends: [...recent, ...sends.map((s) => s.at)] }).where(eq(webhooks.id, h.id));
      out.push({ hookId: h.id, provider, robot: { url: h.url, secret: h.secret, keyword: h.keyword }, sends });
    }
    return out;
  });
}

/** Replaces one planned time in the robot's recent sends by when it was done, or drops it (nothing reached the tool). */
async function settleSlot(db: Db, hookId: number, planned: number, done: number | null) {
  await writeTransaction(db, async (tx) => {
    const [h] = await tx.select({ recent: webhooks.recentSends }).from(webhooks).where(eq(webhooks.id, hookId)).for('update');
    if (!h) return;
    const recent = [...h.recent];
    const i = recent.indexOf(planned);
    if (i >= 0) recent.splice(i, 1);
    if (done !== null) recent.push(done);
    await tx.update(webhooks).set({ recentSends: recent.filter((t) => t > Date.now() - 3_600_000).sort((a, b) => a - b).slice(-200) }).where(eq(webhooks.id, hookId));
  });
}

/** Sends one message; the verdict, and whether anything reached the tool. */
export async function sendOnce(provider: ChatProvider, robot: Robot, message: ChatMessage | null, raw: unknown, key: string, fetchImpl: typeof fetch): Promise<{ verdict: Verdict; reached: boolean }> {
  const req = message ? provider.request(message, robot, new Date()) : { url: robot.url, body: raw };
  try {
    const res = await fetchImpl(req.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': key },
      body: JSON.stringify(req.body),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    const text = await res.text();
    return { verdict: provider.judge(res.status, res.headers.get('retry-after'), text), reached: true };
  } catch (e) {
    // Never the URL or the secret in a message: only what kind of failure it was.
    const why = e instanceof Error ? ((e.cause as { code?: string } | undefined)?.code ?? e.name) : 'error';
    return { verdict: { outcome: 'retry', afterMs: null, rateLimited: false, message: `not reached: ${why}` }, reached: false };
  }
}

async function record(db: Db, rows: Row[], verdict: Verdict, scale: number) {
  const ids = rows.map((r) => r.id);
  const now = Date.now();
  if (verdict.outcome === 'delivered') {
    await db.update(webhookOutbox).set({ deliveredAt: new Date(now), lastError: null }).where(inArray(webhookOutbox.id, ids));
  } else if (verdict.outcome === 'failed') {
    await db.update(webhookOutbox).set({ failedAt: new Date(now), lastError: verdict.message.slice(0, 500) }).where(inArray(webhookOutbox.id, ids));
  } else {
    for (const r of rows) {
      const attempts = r.attempts + 1;
      if (!verdict.rateLimited && attempts >= MAX_ATTEMPTS) {
        await db.update(webhookOutbox).set({ failedAt: new Date(now), lastError: `gave up after ${attempts} tries: ${verdict.message}`.slice(0, 500) }).where(eq(webhookOutbox.id, r.id));
        continue;
      }
      const wait = verdict.afterMs !== null ? verdict.afterMs * scale : backoffMs(r.attempts);
      // A "too fast" answer is the tool's pace, not a failed try.
      await db
        .update(webhookOutbox)
        .set({ attempts: verdict.rateLimited ? r.attempts : attempts, lastError: verdict.message.slice(0, 500), nextAt: new Date(now + wait) })
        .where(eq(webhookOutbox.id, r.id));
    }
  }
}

/** Gives rows back untouched (a "too fast" answer stopped the robot's batch). */
async function release(db: Db, rows: Row[], at: number) {
  for (const r of rows) await db.update(webhookOutbox).set({ attempts: r.attempts, nextAt: new Date(at) }).where(eq(webhookOutbox.id, r.id));
}

async function deliverRobot(db: Db, b: RobotBatch, fetchImpl: typeof fetch, scale: number): Promise<number> {
  let delivered = 0;
  for (let i = 0; i < b.sends.length; i++) {
    const s = b.sends[i]!;
    const wait = s.at - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const key = s.rows.length === 1 ? s.rows[0]!.key : `digest:${s.rows[0]!.key}+${s.rows.length}`;
    const { verdict, reached } = await sendOnce(b.provider, b.robot, s.message, s.raw, key, fetchImpl);
    await settleSlot(db, b.hookId, s.at, reached ? Date.now() : null);
    await record(db, s.rows, verdict, scale);
    if (verdict.outcome === 'delivered') delivered += s.rows.length;
    else if (verdict.outcome === 'failed' || !verdict.rateLimited) webhookFailures.inc({ kind: b.provider.kind, outcome: verdict.outcome });
    if (verdict.outcome === 'retry' && verdict.rateLimited) {
      const until = Date.now() + (verdict.afterMs ?? 60_000) * scale;
      await db.update(webhooks).set({ blockedUntil: new Date(until) }).where(eq(webhooks.id, b.hookId));
      const rest = b.sends.slice(i + 1);
      for (const r of rest) await settleSlot(db, b.hookId, r.at, null);
      await release(db, rest.flatMap((r) => r.rows), until);
      break;
    }
  }
  return delivered;
}

/** Sends what is due; returns how many notices were delivered. Safe to run from several servers at once. */
export async function deliverDue(db: Db, fetchOrOptions: typeof fetch | DeliveryOptions = {}, limit = 20): Promise<number> {
  const opts: DeliveryOptions = typeof fetchOrOptions === 'function' ? { fetch: fetchOrOptions, limit } : { limit, ...fetchOrOptions };
  const scale = opts.windowScale ?? 1;
  const batches = await claim(db, opts.limit ?? limit, scale);
  const counts = await Promise.all(batches.map((b) => deliverRobot(db, b, opts.fetch ?? fetch, scale)));
  return counts.reduce((a, b) => a + b, 0);
}
