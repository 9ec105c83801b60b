// Drill: a burst of 60 expiring-claim notices for one DingTalk robot, which
// takes 20 messages a minute and throttles the robot for 10 minutes past that
// (its imitation enforces both; the tool's minute runs as 3 s here). Two
// servers deliver while the notices keep coming in six waves. Every notice
// must arrive exactly once — alone or in a digest — with no "send too fast"
// answer, within a few of the tool's minutes.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepExpiring } from '@/server/claims/expiring-notices';
import type { Database } from '@/server/db/connect';
import { deliverDue } from '@/server/webhooks/outbox';
import { freshDatabase } from '../server/harness/backends';
import { client, seedTeam, type Seeded } from '../server/harness/seed';
import { dingtalkRobot } from '../server/webhooks/imitations/dingtalk';
import type { Imitation } from '../server/webhooks/imitations/receiver';

const SCALE = 1 / 20; // the tool's minute is 3 s
const MINUTE_MS = 60_000 * SCALE;
const WAVES = 6;
const PER_WAVE = 10;

describe('a burst of 60 notices to a robot limited to 20 a minute (PostgreSQL)', () => {
  let database: Database;
  let team: Seeded;
  let robot: Imitation;
  beforeAll(async () => {
    database = await freshDatabase('postgres');
    team = await seedTeam(database, 'Burst');
    robot = await dingtalkRobot({ scale: SCALE, secret: 'SECburst0123456789', keywords: ['报备'] });
  });
  afterAll(async () => {
    await robot?.close();
    await database?.close();
  });

  it('all arrive exactly once, paced, within the expected time', async () => {
    const call = client(database, { requestsPerMinute: 1e6 });
    expect((await call(team.tokens.manager, 'POST', '/v1/webhooks', { kind: 'dingtalk', url: robot.url, secret: 'SECburst0123456789', keyword: '报备' })).status).toBe(201);
    const customers: string[] = [];
    for (let i = 0; i < WAVES * PER_WAVE; i++) {
      const name = `Burst Customer ${String(i).padStart(2, '0')}`;
      customers.push(name);
      const made = await call(team.tokens.rep, 'POST', '/v1/claims', { customer: name, keys: [{ kind: 'company', value: name }] });
      expect(made.status).toBe(201);
    }

    let delivering = true;
    const deliverer = async () => {
      while (delivering) {
        await deliverDue(database.db, { windowScale: SCALE });
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const loops = [deliverer(), deliverer()];
    const started = Date.now();
    for (let w = 0; w < WAVES; w++) {
      const wave = customers.slice(w * PER_WAVE, (w + 1) * PER_WAVE);
      await database.db.execute(sql`UPDATE claims SET expires_at = now() + interval '2 days' WHERE team_id = ${team.teamId} AND customer IN (${sql.join(wave.map((c) => sql`${c}`), sql`, `)})`);
      expect(await sweepExpiring(database.db)).toBe(PER_WAVE);
      await new Promise((r) => setTimeout(r, MINUTE_MS / 6));
    }
    const lastWave = Date.now();
    const deadline = lastWave + 6 * MINUTE_MS + 10_000;
    const arrived = () => customers.filter((c) => robot.shown.some((s) => s.text.includes(`Claim expiring: ${c}`)));
    while (arrived().length < customers.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const done = Date.now();
    delivering = false;
    await Promise.all(loops);

    const times = customers.map((c) => robot.shown.filter((s) => s.text.includes(`Claim expiring: ${c}`)).length);
    const digests = robot.shown.filter((s) => s.text.includes('notices')).length;
    const left = ((await database.db.execute(sql`SELECT count(*)::int AS n FROM webhook_outbox WHERE delivered_at IS NULL`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
    console.log(
      `drill: ${customers.length} notices in ${WAVES} waves over ${lastWave - started} ms; ${robot.shown.length} messages accepted (${digests} digests), ` +
        `${robot.answers.get('130101') ?? 0} "send too fast" answers, ${robot.answers.get('310000') ?? 0} signature/keyword refusals; ` +
        `all arrived ${done - started} ms after the first wave (the tool's minute: ${MINUTE_MS} ms); ${left} undelivered`,
    );
    expect(times.filter((t) => t !== 1)).toEqual([]); // each exactly once
    expect(left).toBe(0);
    expect(robot.answers.get('130101') ?? 0).toBe(0); // paced within the tool's limit
    expect(robot.answers.get('310000') ?? 0).toBe(0); // signed, with the keyword
    // Never more than the limit in any minute of the tool's clock, as the imitation counted it.
    expect(robot.shown.length).toBeLessThanOrEqual(20 * Math.ceil((done - started) / MINUTE_MS + 1));
    expect(done - lastWave).toBeLessThanOrEqual(4 * MINUTE_MS + 5_000);
  });
});
