// Growth curves on PostgreSQL: the same operations with 10,000, 100,000 and
// 1,000,000 rows in the table (teammates' packets and claims added between
// steps), each next to its own time at 10,000 — flat, log or linear?
// - push of 50 edits to one packet of the rep's;
// - a rep's first pull on a new device (cursor 0): the rep's one packet in
//   a team whose other packets are all teammates';
// - a CSM's first page of the team's packets (200);
// - claim key look-up.
import { sql } from 'drizzle-orm';
import { reservePositions } from './bulk-positions';
import { newPacket } from '@/lib/packet/schema';
import { emptySnapshot } from '@/lib/crm/types';
import type { Database } from '@/server/db/connect';
import { withBenchDatabase } from './bench-database';
import { client, hlc, seedTeam, type Seeded } from '../test/server/harness/seed';
import { quantile, round, type Figure } from './figures';

const SIZES = [10_000, 100_000, 1_000_000];
const RUNS = 30;

async function timeIt(runs: number, fn: (i: number) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

/** Teammates' packets and claims up to `total` rows each (a packet body of realistic size). */
async function fill(database: Database, team: Seeded, from: number, total: number) {
  const template = JSON.stringify(newPacket({ crm: 'hubspot', tenant: 'growth', recordId: '0' }, { ...emptySnapshot(), dealName: 'Filler deal', accountName: 'Filler Co' }, 'https://app.hubspot.com/contacts/1/record/0-3/0', new Date()));
  const first = await reservePositions(database, total - from);
  await database.db.execute(sql`
    INSERT INTO packets (team_id, key, owner_user_id, status, data, seq)
    SELECT ${team.teamId}, 'hubspot:growth:' || g, ${team.userIds.rep2}, 'draft', jsonb_set(${template}::jsonb, '{key}', to_jsonb('hubspot:growth:' || g)), ${first - from - 1} + g
    FROM generate_series(${from + 1}::int, ${total}::int) g`);
  await database.db.execute(sql`
    INSERT INTO claims (id, team_id, user_id, customer, policy_version, claimed_at, expires_at, stages)
    SELECT 50000000 + g, ${team.teamId}, ${team.userIds.rep2}, 'Growth ' || g, 1, now(), now() + interval '14 days', '[]'::jsonb
    FROM generate_series(${from + 1}::int, ${total}::int) g`);
  await database.db.execute(sql`
    INSERT INTO claim_keys (claim_id, team_id, key, expires_at)
    SELECT 50000000 + g, ${team.teamId}, 'company:growthcustomer' || g, now() + interval '14 days'
    FROM generate_series(${from + 1}::int, ${total}::int) g`);
  await database.db.execute(sql`ANALYZE`);
}

export async function run(): Promise<Figure[]> {
  return withBenchDatabase('growth', 10, measure);
}

async function measure(database: Database): Promise<Figure[]> {
  const team = await seedTeam(database, 'Growth');
  const call = client(database, { requestsPerMinute: 1e9 });
  const key = 'hubspot:growth:mine';
  let m = 0;
  const push = () =>
    call(team.tokens.rep, 'POST', '/v1/sync/push', {
      clientId: 'growth-client',
      mutations: Array.from({ length: 50 }, () => ({ id: `g-${++m}`, packetKey: key, op: { kind: 'set', path: 'salesNotes', value: `edit ${m}` }, hlc: hlc('growth') })),
    });
  const results: Record<string, number[][]> = { push: [], pull: [], team: [], lookup: [] };
  let have = 0;
  for (const size of SIZES) {
    await fill(database, team, have, size);
    have = size;
    results.push!.push(await timeIt(RUNS, async () => void (await push())));
    // A new device of the rep: first pull from cursor 0, in a team of `size` packets that are not the rep's.
    results.pull!.push(await timeIt(RUNS, async () => void (await call(team.tokens.rep, 'GET', '/v1/sync/pull?cursor=0&limit=200'))));
    results.team!.push(await timeIt(RUNS, async () => void (await call(team.tokens.csm, 'GET', '/v1/sync/pull?cursor=0&limit=200'))));
    results.lookup!.push(await timeIt(RUNS * 5, async (i) => void (await call(team.tokens.rep, 'GET', `/v1/claims/lookup?kind=company&value=${encodeURIComponent(`Growth Customer ${1 + ((i * 7919) % size)}`)}`))));
  }
  const names: Record<string, string> = {
    push: 'push 50 edits',
    pull: "rep's first pull on a new device (own packet among the team's)",
    team: "CSM's first page of the team (200 packets)",
    lookup: 'claim key look-up',
  };
  return Object.entries(results).flatMap(([k, perSize]) =>
    perSize.map((times, i) => {
      const median = round(quantile(times, 0.5));
      const base = round(quantile(perSize[0]!, 0.5));
      return {
        name: `growth: ${names[k]} at ${SIZES[i]!.toLocaleString('en')} rows`,
        unit: 'ms',
        median,
        p95: round(quantile(times, 0.95)),
        p99: round(quantile(times, 0.99)),
        runs: times.length,
        ...(i > 0 ? { reference: { name: `same at ${SIZES[0]!.toLocaleString('en')} rows`, median: base }, ratio: round(median / base) } : {}),
      };
    }),
  );
}
