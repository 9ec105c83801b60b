// Reads a period's handoff histories for the health trends (lib/engagement/
// health-trends.ts) in six queries whatever the team's size: the team's
// people, its engagement and relay policies, every lifecycle audit entry (up to the
// period's end) of the packets with one inside the period, those packets'
// close dates and intro times, and the period's retrospectives.
// A submission's audit entry names the relay stage it hands to (none: CS).
// The lifecycle entries of a period are found through the partial index of
// migration 0015, a packet's history through audit_team_packet.
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { healthTrends, type HealthTrends, type TrendPacket } from '@/lib/engagement/health-trends';
import { routeOf } from '@/lib/relay/relay-policy';
import { STAGE_IDS } from '@/lib/relay/stages';
import type { HealthTrendsQuery } from '@/lib/sync/api-schemas';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { auditLog, packets, retrospectives, users } from '../db/schema';
import { requireRole } from '../http/auth';
import { invalidInput } from '../http/validate';
import { engagementPolicyFor } from '../packets/team-engagement';
import { relayPolicyFor } from '../packets/team-relay';

const DAY = 86_400_000;
/** Twelve weeks back from now, unless asked otherwise; at most a year and a day. */
const DEFAULT_DAYS = 84;
const MAX_DAYS = 366;
/** The stages a handoff can be to (lib/relay/stages.ts): every stage but sales, where the relay starts. */
const RECEIVING = STAGE_IDS.filter((s) => s !== 'sales');
const LIFECYCLE = ['packet.create', 'packet.submit', 'packet.return', 'packet.accept'];

/** The period asked for, checked: 400 at query.from / query.to when it is backwards or too long. */
function periodOf(q: HealthTrendsQuery, now: Date): { from: Date; to: Date } {
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_DAYS * DAY);
  if (from >= to) throw invalidInput([{ path: 'from', code: 'beforeTo' }], { where: 'query' });
  if (to.getTime() - from.getTime() > MAX_DAYS * DAY) throw invalidInput([{ path: 'from', code: 'periodDays', params: { max: MAX_DAYS } }], { where: 'query' });
  return { from, to };
}

export async function readHealthTrends(db: Db, caller: Caller, q: HealthTrendsQuery): Promise<HealthTrends> {
  requireRole(caller, ['manager', 'admin'], 'see team health');
  const now = new Date();
  const { from, to } = periodOf(q, now);
  const people = await db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(eq(users.teamId, caller.teamId));
  for (const field of ['rep', 'csm'] as const) {
    const id = q[field];
    if (id !== undefined && !people.some((p) => p.id === id)) throw invalidInput([{ path: field, code: 'unknownUser' }], { where: 'query' });
  }
  if (q.stage !== undefined && !(RECEIVING as string[]).includes(q.stage)) throw invalidInput([{ path: 'stage', code: 'oneOf', params: { values: RECEIVING.join(', ') } }], { where: 'query' });

  const team = eq(auditLog.teamId, caller.teamId);
  const lifecycle = inArray(auditLog.action, LIFECYCLE);
  const touched = db.selectDistinct({ key: auditLog.packetKey }).from(auditLog).where(and(team, lifecycle, gte(auditLog.at, from), lt(auditLog.at, to)));
  const [events, facts, retros] = await Promise.all([
    db
      .select({
        key: auditLog.packetKey,
        action: auditLog.action,
        userId: auditLog.userId,
        at: auditLog.at,
        completeness: sql<number | null>`(${auditLog.after}->>'completeness')::float8`,
        stage: sql<string | null>`${auditLog.after}->>'stage'`,
      })
      .from(auditLog)
      .where(and(team, lifecycle, lt(auditLog.at, to), inArray(auditLog.packetKey, touched))),
    db
      .select({
        key: packets.key,
        ownerUserId: packets.ownerUserId,
        closeDate: sql<string | null>`${packets.data}->'deal'->>'closeDate'`,
        introSentAt: sql<string | null>`${packets.data}->'review'->>'introSentAt'`,
        wonAt: sql<string | null>`${packets.data}->'review'->>'wonAt'`,
      })
      .from(packets)
      .where(and(eq(packets.teamId, caller.teamId), inArray(packets.key, touched))),
    db
      .select({ at: retrospectives.submittedAt, repUserId: retrospectives.repUserId, csmUserId: retrospectives.csmUserId, sections: retrospectives.sections })
      .from(retrospectives)
      .where(and(eq(retrospectives.teamId, caller.teamId), gte(retrospectives.submittedAt, from), lt(retrospectives.submittedAt, to))),
  ]);

  const byKey = new Map<string, TrendPacket>(facts.map((f) => [f.key, { ...f, events: [] }]));
  for (const e of events) {
    byKey.get(e.key ?? '')?.events.push({
      action: e.action.slice('packet.'.length) as TrendPacket['events'][number]['action'],
      at: e.at.toISOString(),
      userId: e.userId,
      ...(e.completeness !== null ? { completeness: e.completeness } : {}),
      ...(e.action === 'packet.submit' && e.stage ? { stage: e.stage } : {}),
    });
  }
  const [policy, relay] = await Promise.all([engagementPolicyFor(db, caller.teamId), relayPolicyFor(db, caller.teamId)]);
  // The team's receiving stages, and any the period's handoffs went to (a relay changed since), in relay order.
  const seen = new Set([...routeOf(relay), ...events.filter((e) => e.action === 'packet.submit').map((e) => e.stage ?? 'cs')]);
  return healthTrends({
    from: from.toISOString(),
    to: to.toISOString(),
    now: now.toISOString(),
    policy,
    people,
    packets: [...byKey.values()],
    // every section of a review is rated right, wrong or missing (lib/engagement/retrospective.ts)
    retros: retros.map((r) => {
      const verdicts = Object.values(r.sections);
      return { at: r.at.toISOString(), repUserId: r.repUserId, csmUserId: r.csmUserId, right: verdicts.filter((v) => v.verdict === 'right').length, judged: verdicts.length };
    }),
    stages: RECEIVING.filter((s) => seen.has(s)),
    filter: { ...(q.rep !== undefined ? { rep: q.rep } : {}), ...(q.csm !== undefined ? { csm: q.csm } : {}), ...(q.stage !== undefined ? { stage: q.stage } : {}) },
  });
}
