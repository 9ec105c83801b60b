// Drill: the server process is SIGKILLed in the middle of a burst of pushes
// and claims, restarted, and the client re-sends what was not acknowledged
// (plus some that were, as a real client whose answer was lost would). Every
// mutation must be applied exactly once and every customer claimed exactly
// once: none lost, none doubled.
import { freePort } from '../free-port';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/server/db/connect';
import { freshDatabase } from '../server/harness/backends';
import { hlc, seedTeam, type Seeded } from '../server/harness/seed';
import { spawnServer } from '../server/harness/spawn-server';

const PACKETS = 5;
const PER_PACKET = 100;
const BATCH = 50;
const CLAIMS = 100;


describe('server killed during a burst of pushes and claims (PostgreSQL)', () => {
  let database: Database & { url?: string };
  let team: Seeded;
  beforeAll(async () => {
    database = await freshDatabase('postgres');
    team = await seedTeam(database, 'Drill');
  });
  afterAll(() => database?.close());

  it('after restart and retry every mutation is there exactly once', async () => {
    const port = await freePort();
    const all = Array.from({ length: PACKETS * PER_PACKET }, (_, i) => {
      const p = Math.floor(i / PER_PACKET);
      return {
        id: `m-${i}`,
        packetKey: `pipedrive:drill.pipedrive.com:${p}`,
        op: { kind: 'add', list: 'followUps', item: { id: `f-${i}`, summary: `call ${i}` } },
        hlc: hlc('drill'),
      };
    });
    const batches = Array.from({ length: all.length / BATCH }, (_, i) => all.slice(i * BATCH, (i + 1) * BATCH));
    const acked = new Set<string>();
    const push = async (batch: typeof all) => {
      const res = await fetch(`http://127.0.0.1:${port}/v1/sync/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${team.tokens.rep}`, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: 'drill-client', mutations: batch }),
      });
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      for (const r of ((await res.json()) as { results: { id: string }[] }).results) acked.add(r.id);
    };

    const customers = Array.from({ length: CLAIMS }, (_, i) => `演练客户${i}有限公司`);
    const claimed = new Set<string>();
    const claim = async (customer: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/v1/claims`, {
        method: 'POST',
        headers: { authorization: `Bearer ${team.tokens.rep}`, 'content-type': 'application/json' },
        body: JSON.stringify({ customer, keys: [{ kind: 'company', value: customer }] }),
      });
      const body = (await res.json()) as { error?: { code: string; mine?: boolean } };
      // A retry of a claim that committed before the kill is "already claimed — by you".
      if (res.status === 201 || (res.status === 409 && body.error?.code === 'already_claimed' && body.error.mine)) claimed.add(customer);
      else throw new Error(`claim ${customer}: HTTP ${res.status}`);
    };

    let server = await spawnServer(database.url!, port);
    // Fire the whole burst concurrently and kill the server part-way through.
    const burst = Promise.allSettled([...batches.map((b) => push(b)), ...customers.map((c) => claim(c))]);
    // Kill once some batches are answered and others are mid-way.
    for (let waited = 0; acked.size < 2 * BATCH && waited < 20_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    server.kill('SIGKILL');
    const outcome = await burst;
    const failed = outcome.filter((o) => o.status === 'rejected').length;
    const inDb = ((await database.db.execute(sql`SELECT count(*)::int AS n FROM mutations WHERE client_id = 'drill-client'`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
    const claimsBefore = claimed.size;
    console.log(`drill: ${batches.length} batches and ${CLAIMS} claims sent, ${failed} requests failed when the server was killed, ${acked.size} mutations and ${claimsBefore} claims acknowledged, ${inDb} mutations committed`);
    expect(failed).toBeGreaterThan(0);
    expect(inDb).toBeGreaterThanOrEqual(acked.size); // typically many more: committed but never acknowledged

    server = await spawnServer(database.url!, port);
    try {
      // Retry: everything not acknowledged, and the first batch again (an answer that was lost).
      for (const b of batches) {
        const missing = b.filter((m) => !acked.has(m.id));
        if (missing.length) await push(missing);
      }
      await push(batches[0]!);
      for (const c of customers) if (!claimed.has(c)) await claim(c);
      await claim(customers[0]!); // a lost answer, retried: must not make a second claim
    } finally {
      server.kill('SIGKILL');
    }

    expect(acked.size).toBe(all.length);
    const q = async (text: ReturnType<typeof sql>) => ((await database.db.execute(text)) as unknown as { rows: Record<string, number>[] }).rows[0]!;
    expect(await q(sql`SELECT count(*)::int AS n FROM mutations WHERE client_id = 'drill-client' AND result = 'applied'`)).toEqual({ n: all.length });
    expect(await q(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'packet.edit' AND packet_key LIKE 'pipedrive:drill.pipedrive.com:%'`)).toEqual({ n: all.length });
    const rows = ((await database.db.execute(sql`SELECT key, jsonb_array_length(data->'followUps')::int AS n FROM packets WHERE key LIKE 'pipedrive:drill%' ORDER BY key`)) as unknown as { rows: { key: string; n: number }[] }).rows;
    expect(rows.map((r) => r.n)).toEqual(Array(PACKETS).fill(PER_PACKET));
    const claimRows = await q(sql`SELECT count(*)::int AS n, count(DISTINCT customer)::int AS d FROM claims WHERE customer LIKE '演练客户%'`);
    console.log(`drill: after restart and retry ${acked.size}/${all.length} mutations applied once, ${claimRows.n} claims for ${claimRows.d} customers`);
    expect(claimed.size).toBe(CLAIMS);
    expect(claimRows).toEqual({ n: CLAIMS, d: CLAIMS });
  }, 120_000);
});
