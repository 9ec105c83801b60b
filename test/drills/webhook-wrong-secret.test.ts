// Drill: the admin typed a wrong 加签 secret for the team's DingTalk robot.
// DingTalk answers every message with HTTP 200 and {"errcode":310000,"errmsg":
// "sign not match"}. Every notice must be marked failed with that message —
// none delivered, none retried — and admins see it; once the secret is fixed
// (and "send a test" says so) new notices arrive.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepExpiring } from '@/server/claims/expiring-notices';
import type { Database } from '@/server/db/connect';
import { deliverDue } from '@/server/webhooks/outbox';
import { freshDatabase } from '../server/harness/backends';
import { client, seedTeam, type Seeded } from '../server/harness/seed';
import { dingtalkRobot } from '../server/webhooks/imitations/dingtalk';
import type { Imitation } from '../server/webhooks/imitations/receiver';

const NOTICES = 12;

describe('a wrong DingTalk 加签 secret (PostgreSQL)', () => {
  let database: Database;
  let team: Seeded;
  let robot: Imitation;
  beforeAll(async () => {
    database = await freshDatabase('postgres');
    team = await seedTeam(database, 'Wrong secret');
    robot = await dingtalkRobot({ scale: 1 / 60, secret: 'SECthe-robots-real-secret' });
  });
  afterAll(async () => {
    await robot?.close();
    await database?.close();
  });

  it('every notice failed with the tool’s message, nothing delivered, nothing retried; fixed, they arrive', async () => {
    const call = client(database, { requestsPerMinute: 1e6 });
    const made = await call(team.tokens.manager, 'POST', '/v1/webhooks', { kind: 'dingtalk', url: robot.url, secret: 'SECa-typo-in-the-secret' });
    const hookId = (made.json.webhook as { id: number }).id;
    for (let i = 0; i < NOTICES; i++) {
      const c = await call(team.tokens.rep, 'POST', '/v1/claims', { customer: `Signed Co ${i}`, keys: [{ kind: 'company', value: `Signed Customer ${i}` }] });
      await database.db.execute(sql`UPDATE claims SET expires_at = now() + interval '2 days' WHERE id = ${(c.json.claim as { id: number }).id}`);
    }
    expect(await sweepExpiring(database.db)).toBe(NOTICES);
    // Two servers, several rounds each, with nothing held back by backoff.
    for (let round = 0; round < 4; round++) {
      const [a, b] = await Promise.all([deliverDue(database.db, { windowScale: 1 / 60 }), deliverDue(database.db, { windowScale: 1 / 60 })]);
      expect(a + b).toBe(0);
      await database.db.execute(sql`UPDATE webhook_outbox SET next_at = now() WHERE delivered_at IS NULL AND failed_at IS NULL`);
    }
    const rows = ((await database.db.execute(sql`SELECT delivered_at, failed_at, last_error, attempts FROM webhook_outbox WHERE webhook_id = ${hookId}`)) as unknown as {
      rows: { delivered_at: string | null; failed_at: string | null; last_error: string; attempts: number }[];
    }).rows;
    const listed = (await call(team.tokens.admin, 'GET', '/v1/webhooks')).json.webhooks as { failedCount: number; lastDeliveredAt: string | null; failures: { message: string }[] }[];
    console.log(
      `drill: ${rows.length} notices; ${rows.filter((r) => r.failed_at).length} failed with "${rows[0]?.last_error}", ${rows.filter((r) => r.delivered_at).length} delivered; ` +
        `${robot.requests} requests reached the robot, ${robot.answers.get('310000') ?? 0} answered 310000, ${robot.shown.length} shown in the group`,
    );
    expect(rows).toHaveLength(NOTICES);
    expect(rows.every((r) => r.failed_at && !r.delivered_at && r.last_error === '310000 sign not match')).toBe(true);
    expect(robot.shown).toHaveLength(0);
    expect(robot.requests).toBeLessThanOrEqual(NOTICES); // each tried once (fewer when digested), never again
    expect(Math.max(...rows.map((r) => r.attempts))).toBe(1);
    expect(listed[0]).toMatchObject({ failedCount: NOTICES, lastDeliveredAt: null });
    expect(listed[0]!.failures[0]!.message).toBe('310000 sign not match');

    // The admin fixes the secret; the test says so, and the next notice arrives.
    expect((await call(team.tokens.admin, 'PATCH', `/v1/webhooks/${hookId}`, { secret: 'SECthe-robots-real-secret' })).status).toBe(200);
    expect((await call(team.tokens.admin, 'POST', `/v1/webhooks/${hookId}/test`)).json.result).toEqual({ outcome: 'delivered', message: null });
    const c = await call(team.tokens.rep2, 'POST', '/v1/claims', { customer: 'Fixed Co', keys: [{ kind: 'company', value: 'Fixed Customer' }] });
    await database.db.execute(sql`UPDATE claims SET expires_at = now() + interval '2 days' WHERE id = ${(c.json.claim as { id: number }).id}`);
    expect(await sweepExpiring(database.db)).toBe(1);
    expect(await deliverDue(database.db, { windowScale: 1 / 60 })).toBe(1);
    expect(robot.shown.map((s) => s.text).join()).toContain('Claim expiring: Fixed Co');
  });
});
