// Drill: the PostgreSQL primary dies under write load (pg_ctl stop -m
// immediate) and its synchronous standby is promoted (pg_ctl promote) after
// DRILL_OUTAGE_SECONDS (30 with `npm run drills`, 3 inside `npm test`). The
// Baton server, its own process on a DATABASE_URL naming both hosts, must find
// the new primary by itself; meanwhile writes answer 503 with Retry-After
// (never 500), and the clients re-send them as the extension's outbox does.
// Afterwards every acknowledged mutation and claim must be on the new primary.
import type { ChildProcess } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/server/db/connect';
import { migrate } from '@/server/db/migrate';
import { freePort } from '../free-port';
import { startReplicatedCluster, type ReplicatedCluster } from '../server/harness/replicated-cluster';
import { hlc, seedTeam, type Seeded } from '../server/harness/seed';
import { spawnServer } from '../server/harness/spawn-server';

const OUTAGE_S = Number(process.env.DRILL_OUTAGE_SECONDS ?? 3);
const CLIENTS = 6; // devices of two reps
const CUSTOMER = '故障切换演练客户';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Mutation {
  id: string;
  packetKey: string;
  op: { kind: 'add'; list: 'followUps'; item: { id: string; summary: string } };
  hlc: string;
}

/** What the drill's clients saw: answers by kind, what was acknowledged, when. */
class Tally {
  answers = new Map<string, number>();
  mutations = new Set<string>();
  claims = new Set<string>();
  firstAckAfter: number | null = null;
  promotedAt = 0;
  count(what: string, res: Response) {
    const key = `${what} ${res.status}${res.status === 503 && res.headers.get('retry-after') ? ' retry-after' : ''}`;
    this.answers.set(key, (this.answers.get(key) ?? 0) + 1);
  }
  acked() {
    if (this.promotedAt && this.firstAckAfter === null) this.firstAckAfter = performance.now();
  }
}

/** One rep's extension: an outbox of edits and claims, re-sent until acknowledged (2xx, or "already claimed — by you") or `until`; returns how many were never acknowledged. */
async function rep(c: number, base: string, token: string, tally: Tally, running: () => boolean, until: () => number) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const outbox: Mutation[] = [];
  const claims: string[] = [];
  for (let i = 0; (running() || outbox.length || claims.length) && performance.now() < until(); i++) {
    if (running()) {
      const id = `fo-${c}-${i}`;
      outbox.push({ id, packetKey: `hubspot:failover:${c}`, op: { kind: 'add', list: 'followUps', item: { id, summary: id } }, hlc: hlc(`fo${c}`) });
      if (i % 4 === 0) claims.push(`${CUSTOMER}${c}-${i}`);
    }
    const push = await fetch(`${base}/v1/sync/push`, { method: 'POST', headers, body: JSON.stringify({ clientId: `failover-${c}`, mutations: outbox.slice(0, 50) }), signal: AbortSignal.timeout(30_000) });
    tally.count('push', push);
    if (push.status === 200) {
      const done = new Set(((await push.json()) as { results: { id: string }[] }).results.map((r) => r.id));
      for (const id of done) tally.mutations.add(id);
      outbox.splice(0, outbox.length, ...outbox.filter((m) => !done.has(m.id)));
      tally.acked();
    } else await push.arrayBuffer();
    for (const customer of [...claims]) {
      const res = await fetch(`${base}/v1/claims`, { method: 'POST', headers, body: JSON.stringify({ customer, keys: [{ kind: 'company', value: customer }] }), signal: AbortSignal.timeout(30_000) });
      const body = (await res.json()) as { error?: { code: string; mine?: boolean } };
      // A re-sent claim whose first answer was lost in the outage is "already claimed — by you".
      const mine = res.status === 409 && body.error?.code === 'already_claimed' && body.error.mine === true;
      tally.count(mine ? 'claim (re-sent, already mine)' : 'claim', res);
      if (res.status === 201 || mine) {
        tally.claims.add(customer);
        claims.splice(claims.indexOf(customer), 1);
        tally.acked();
      }
    }
    await sleep(outbox.length || claims.length ? 100 : 20);
  }
  return outbox.length + claims.length;
}

describe(`PostgreSQL primary lost under write load, standby promoted after ${OUTAGE_S} s`, () => {
  let cluster: ReplicatedCluster;
  let team: Seeded;
  let server: ChildProcess | undefined;
  let port: number;
  beforeAll(async () => {
    cluster = await startReplicatedCluster();
    cluster.primary.psql('CREATE DATABASE drill');
    const database = await openDatabase({ databaseUrl: cluster.url('drill'), poolSize: 2 });
    await migrate(database);
    team = await seedTeam(database, 'Failover');
    await database.close();
    port = await freePort();
    server = await spawnServer(cluster.url('drill'), port);
    server.stdout!.resume(); // keep its log flowing: a full pipe would stall the server
  });
  afterAll(() => {
    server?.kill('SIGKILL');
    cluster?.stop();
  });

  it('the server follows the promotion by itself and every acknowledged mutation and claim is on the new primary', async () => {
    const tally = new Tally();
    let running = true;
    let until = Infinity; // after the load stops, the outboxes get 60 s to drain
    const load = Promise.all(Array.from({ length: CLIENTS }, (_, c) => rep(c, `http://127.0.0.1:${port}`, team.tokens[c % 2 ? 'rep2' : 'rep'], tally, () => running, () => until)));
    for (let t = 0; (tally.mutations.size < 50 || tally.claims.size < 5) && t < 30_000; t += 50) await sleep(50);
    const beforeOutage = new Map(tally.answers);

    cluster.primary.stop('immediate');
    const killedAt = performance.now();
    await sleep(OUTAGE_S * 1000);
    cluster.promote();
    tally.promotedAt = performance.now();
    for (let t = 0; tally.firstAckAfter === null && t < 60_000; t += 50) await sleep(50);
    const during = [...tally.answers].map(([k, v]) => [k, v - (beforeOutage.get(k) ?? 0)] as const).filter(([k, v]) => v > 0 && !/ 20[01]$/.test(k));
    await sleep(1_000);
    running = false;
    until = performance.now() + 60_000;
    const unsent = (await load).reduce((n, left) => n + left, 0); // the outboxes drain: everything is re-sent until acknowledged

    const newPrimary = await openDatabase({ databaseUrl: cluster.standbyUrl('drill'), poolSize: 1 });
    try {
      const rows = async <T,>(q: ReturnType<typeof sql>) => ((await newPrimary.db.execute(q)) as unknown as { rows: T[] }).rows;
      const [{ recovery }] = (await rows<{ recovery: boolean }>(sql`SELECT pg_is_in_recovery() AS recovery`)) as [{ recovery: boolean }];
      const applied = new Set((await rows<{ id: string }>(sql`SELECT mutation_id AS id FROM mutations WHERE client_id LIKE 'failover-%' AND result = 'applied'`)).map((r) => r.id));
      const claimed = await rows<{ customer: string; n: number }>(sql`SELECT customer, count(*)::int AS n FROM claims WHERE customer LIKE ${`${CUSTOMER}%`} GROUP BY customer`);
      const claimedOnce = new Set(claimed.filter((r) => r.n === 1).map((r) => r.customer));
      const lostMutations = [...tally.mutations].filter((id) => !applied.has(id));
      const lostClaims = [...tally.claims].filter((customer) => !claimedOnce.has(customer));
      const errors = during.reduce((n, [, v]) => n + v, 0);
      console.log(
        `failover drill: ${CLIENTS} clients; primary killed, standby promoted ${OUTAGE_S} s later; acknowledged ${tally.mutations.size} mutations + ${tally.claims.size} claims; ` +
          `present on the new primary ${tally.mutations.size - lostMutations.length} + ${tally.claims.size - lostClaims.length}; lost ${lostMutations.length + lostClaims.length}; ` +
          `errors during the outage ${errors} (${during.map(([k, v]) => `${k}×${v}`).join(', ')}); ` +
          (tally.firstAckAfter === null
            ? 'no write acknowledged after the promotion'
            : `first write acknowledged ${Math.round(tally.firstAckAfter - tally.promotedAt)} ms after the promotion, ${Math.round(tally.firstAckAfter - killedAt)} ms after the primary died`) +
          `; ${unsent} writes never acknowledged`,
      );
      expect(recovery).toBe(false); // the standby really is the primary now
      expect(tally.firstAckAfter).not.toBeNull(); // the server found it by itself
      // Only success, "come back later", or a re-sent claim that had committed: no 500, no other 4xx.
      const allowed = ['push 200', 'push 503 retry-after', 'claim 201', 'claim 503 retry-after', 'claim (re-sent, already mine) 409'];
      expect([...tally.answers.keys()].filter((k) => !allowed.includes(k))).toEqual([]);
      expect(errors).toBeGreaterThan(0); // the outage was felt
      expect(unsent).toBe(0); // every write was acknowledged in the end
      expect(lostMutations).toEqual([]);
      expect(lostClaims).toEqual([]);
      expect(claimed.length).toBe(tally.claims.size); // nothing claimed that no client asked for
    } finally {
      await newPrimary.close();
    }
  });
});
