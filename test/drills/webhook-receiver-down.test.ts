// Drill: the team's chat webhook is unreachable (connection refused) for the
// whole burst of events — conflicts opened and ruled, claims about to expire —
// while two servers keep trying to deliver. When it comes back every
// notification arrives exactly once: raw receipts are counted, not deduplicated.
import { createServer, type Server } from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepExpiring } from '@/server/claims/expiring-notices';
import { deliverDue } from '@/server/webhooks/outbox';
import { freePort } from '../free-port';
import { freshDatabase } from '../server/harness/backends';
import { client, seedTeam, type Seeded } from '../server/harness/seed';
import type { Database } from '@/server/db/connect';

const CONFLICTS = 10;
const EXPIRING = 10;

describe('webhook receiver down for the whole burst (PostgreSQL)', () => {
  let database: Database;
  let team: Seeded;
  let receiver: Server | null = null;
  beforeAll(async () => {
    database = await freshDatabase('postgres');
    team = await seedTeam(database, 'Hooks');
  });
  afterAll(async () => {
    receiver?.close();
    await database?.close();
  });

  it('every notification delivered once after it returns', async () => {
    const port = await freePort(); // nothing listens here yet: connection refused
    const call = client(database, { requestsPerMinute: 1e6 });
    expect((await call(team.tokens.manager, 'POST', '/v1/webhooks', { kind: 'feishu', url: `http://127.0.0.1:${port}/hook` })).status).toBe(201);

    // The burst, with two servers trying to deliver all along.
    let delivering = true;
    let attempts = 0;
    const deliverer = async () => {
      while (delivering) {
        await deliverDue(database.db);
        attempts++;
        // Skip the backoff wait (SKIP LOCKED: the other server may be holding some rows).
        await database.db.execute(sql`UPDATE webhook_outbox SET next_at = now() WHERE id IN (SELECT id FROM webhook_outbox WHERE delivered_at IS NULL FOR UPDATE SKIP LOCKED)`);
      }
    };
    const loops = [deliverer(), deliverer()];
    for (let i = 0; i < CONFLICTS; i++) {
      const made = await call(team.tokens.rep, 'POST', '/v1/claims', { customer: `Hook Co ${i}`, keys: [{ kind: 'company', value: `Hook Customer ${i}` }] });
      const claimId = (made.json.claim as { id: number }).id;
      const opened = await call(team.tokens.rep2, 'POST', `/v1/claims/${claimId}/conflicts`, { evidence: `visit ${i}` });
      const conflictId = (opened.json.conflict as { id: number }).id;
      const u = team.userIds.rep;
      expect((await call(team.tokens.manager, 'POST', `/v1/claims/conflicts/${conflictId}/rule`, { ownerUserId: u, credit: { firstTouch: u, process: u, signing: u } })).status).toBe(200);
    }
    for (let i = 0; i < EXPIRING; i++) {
      const made = await call(team.tokens.rep2, 'POST', '/v1/claims', { customer: `Soon ${i}`, keys: [{ kind: 'company', value: `Expiring Soon ${i}` }] });
      await database.db.execute(sql`UPDATE claims SET expires_at = now() + interval '2 days' WHERE id = ${(made.json.claim as { id: number }).id}`);
    }
    await sweepExpiring(database.db);
    await sweepExpiring(database.db); // a second server's sweep: adds nothing
    await new Promise((r) => setTimeout(r, 300));
    delivering = false;
    await Promise.all(loops);
    const queued = ((await database.db.execute(sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE delivered_at IS NULL)::int AS pending, max(attempts)::int AS tries FROM webhook_outbox`)) as unknown as { rows: { n: number; pending: number; tries: number }[] }).rows[0]!;
    expect(queued.pending).toBe(queued.n);

    // The receiver comes back; two servers deliver what is due.
    const receipts = new Map<string, number>();
    receiver = createServer((req, res) => {
      req.resume().on('end', () => {
        const key = String(req.headers['idempotency-key']);
        receipts.set(key, (receipts.get(key) ?? 0) + 1);
        res.writeHead(200).end('{"code":0,"msg":"success","data":{}}'); // Feishu's documented success answer
      });
    });
    await new Promise<void>((ok) => receiver!.listen(port, '127.0.0.1', ok));
    await database.db.execute(sql`UPDATE webhook_outbox SET next_at = now() WHERE delivered_at IS NULL`);
    for (let round = 0; round < 20; round++) {
      const [a, b] = await Promise.all([deliverDue(database.db), deliverDue(database.db)]);
      if (a + b === 0) break;
    }
    const left = ((await database.db.execute(sql`SELECT count(*)::int AS n FROM webhook_outbox WHERE delivered_at IS NULL`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
    const doubles = [...receipts.values()].filter((v) => v > 1).length;
    console.log(`drill: receiver refused connections for ${attempts} delivery rounds (up to ${queued.tries} attempts per notice); ${queued.n} notices queued (${CONFLICTS} conflicts opened + ${CONFLICTS} ruled + ${EXPIRING} expiring); after it returned ${receipts.size} distinct received, ${doubles} received twice, ${left} undelivered`);
    expect(queued.n).toBe(2 * CONFLICTS + EXPIRING);
    expect(left).toBe(0);
    expect(receipts.size).toBe(queued.n);
    expect(doubles).toBe(0);
  });
});
