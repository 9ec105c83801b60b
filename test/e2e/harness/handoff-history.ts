// Past handoffs for the health trends' end-to-end test and screenshot: a
// packet is filled, submitted, returned, accepted and its intro sent through
// the server's real HTTP API, then its audit entries and review times are
// moved back `daysAgo` days — as if it had happened then (the server stamps
// lifecycle steps with its own clock).
import { sql } from 'drizzle-orm';
import type { Database } from '@/server/db/connect';
import { COMPLETE_OPS, hlc } from '../../server/harness/seed';

export type Step = 'submit' | 'return' | 'accept' | 'intro';

export interface Handoff {
  key: string;
  /** the rep's token: owner of the packet */
  rep: string;
  /** who reviews (returns, accepts, sends the intro) */
  csm: string;
  steps: Step[];
  daysAgo: number;
  /** more edits than the required ones (a higher completeness) */
  extra?: unknown[];
  /** the deal's close date, YYYY-MM-DD */
  closeDate?: string;
}

export async function playHandoff(server: { url: string; database: Database }, h: Handoff): Promise<void> {
  const call = async (token: string, path: string, body: unknown = {}) => {
    const r = await fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  };
  const deal = { kind: 'deal', snapshot: { dealName: h.key, accountName: h.key, amount: 1, currency: 'CNY', stage: 'Won', closeDate: h.closeDate ?? null, owner: 'Rep' }, dealUrl: `https://example.invalid/${h.key}` };
  const ops = [deal, ...COMPLETE_OPS, ...(h.extra ?? [])];
  await call(h.rep, '/v1/sync/push', { clientId: 'handoff-history', mutations: ops.map((op, i) => ({ id: `${h.key}#${i}`, packetKey: h.key, op, hlc: hlc() })) });
  const enc = encodeURIComponent(h.key);
  for (const step of h.steps) {
    if (step === 'submit') await call(h.rep, `/v1/packets/${enc}/submit`);
    else if (step === 'return') await call(h.csm, `/v1/packets/${enc}/return`, { reasons: [{ item: 'risks', reason: 'which risks?' }] });
    else if (step === 'accept') await call(h.csm, `/v1/packets/${enc}/accept`);
    else await call(h.csm, `/v1/packets/${enc}/intro-sent`);
  }
  const back = sql.raw(`interval '${Number(h.daysAgo)} days'`);
  await server.database.db.execute(sql`UPDATE audit_log SET at = at - ${back} WHERE packet_key = ${h.key}`);
  for (const field of ['submittedAt', 'acceptedAt', 'returnedAt', 'introSentAt']) {
    const path = `{review,${field}}`;
    await server.database.db.execute(
      sql`UPDATE packets SET data = jsonb_set(data, ${path}::text[], to_jsonb(to_char(((data->'review'->>${field})::timestamptz - ${back}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))) WHERE key = ${h.key} AND data->'review'->>${field} IS NOT NULL`,
    );
  }
}
