// Delivery to local imitations of the four chat tools (./imitations, written
// from each tool's documentation): signed and keyword-carrying messages
// arrive, the person a notice is for is @mentioned in the tool's format, and
// the tools' refusals — answered with HTTP 200 and an error code — are marked
// failed with the tool's message, shown to admins and not retried; a "too
// fast" answer is retried after the tool's window.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/server/db/connect';
import type { Notice } from '@/server/webhooks/format';
import { deliverDue, enqueueNotice } from '@/server/webhooks/outbox';
import type { WebhookKind } from '@/lib/webhooks/config-schema';
import { BACKENDS, freshDatabase } from '../harness/backends';
import { client, seedTeam, type Seeded } from '../harness/seed';
import { IMITATIONS, type Imitation, type ImitationOptions } from './imitations';

const SCALE = 1 / 60; // the tools' minute is a second here
const CHAT = { mobile: '+8613800138000', dingtalk: 'wangfang01', wecom: 'WangFang', feishu: 'ou_7d8a6e6df7621556ce0d21922b676706', slack: 'U024BE7LH' };
const SHOWN_AS: Record<WebhookKind, string> = { dingtalk: '13800138000', wecom: 'WangFang', feishu: CHAT.feishu, slack: CHAT.slack };

describe.each(BACKENDS)('chat tool delivery on %s', (backend) => {
  let database: Database;
  let call: ReturnType<typeof client>;
  const open: Imitation[] = [];
  let n = 0;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    call = client(database, { requestsPerMinute: 1e6 });
  });
  afterAll(async () => {
    await Promise.all(open.map((i) => i.close()));
    await database?.close();
  });

  /** A fresh team with one robot of `kind`, configured with `config`, its imitation set up with `tool`. */
  async function setup(kind: WebhookKind, tool: ImitationOptions, config: { secret?: string; keyword?: string } = {}) {
    const team: Seeded = await seedTeam(database, `Chat ${++n}`);
    const robot = await IMITATIONS[kind]({ scale: SCALE, ...tool });
    open.push(robot);
    const made = await call(team.tokens.manager, 'POST', '/v1/webhooks', { kind, url: robot.url, ...config });
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    expect((await call(team.tokens.admin, 'PUT', `/v1/users/${team.userIds.rep}/chat`, CHAT)).status).toBe(200);
    const notify = (id: string, notice: Partial<Notice> = {}) =>
      database.db.transaction((tx) => enqueueNotice(tx, team.teamId, id, { event: 'expansion.opportunity', title: `Expansion opportunity: ${id}`, lines: ['20 more seats'], for: [team.userIds.rep], ...notice }));
    const views = async () => (await call(team.tokens.manager, 'GET', '/v1/webhooks')).json.webhooks as { failedCount: number; pending: number; lastDeliveredAt: string | null; failures: { message: string; title: string }[] }[];
    return { team, robot, notify, views };
  }

  it.each(['dingtalk', 'feishu'] as const)('%s: signed, with the keyword, mentioning the person', async (kind) => {
    const { robot, notify, views } = await setup(kind, { secret: 'SECa1b2c3d4e5f6a7b8', keywords: ['Baton'] }, { secret: 'SECa1b2c3d4e5f6a7b8', keyword: 'Baton' });
    await notify(`${kind}-1`, { title: '华东区 ERP: expansion' });
    expect(await deliverDue(database.db, { windowScale: SCALE })).toBe(1);
    expect(robot.answers.get('0')).toBe(1);
    expect(robot.shown[0]!.text).toContain('华东区 ERP: expansion');
    expect(robot.shown[0]!.mentioned).toEqual([SHOWN_AS[kind]]);
    expect((await views())[0]).toMatchObject({ failedCount: 0, pending: 0, lastDeliveredAt: expect.any(String) });
  });

  it.each(['wecom', 'slack'] as const)('%s: delivered, mentioning the person', async (kind) => {
    const { robot, notify } = await setup(kind, {});
    await notify(`${kind}-1`);
    expect(await deliverDue(database.db, { windowScale: SCALE })).toBe(1);
    expect(robot.shown).toHaveLength(1);
    expect(robot.shown[0]!.mentioned).toEqual([SHOWN_AS[kind]]);
  });

  it.each([
    ['dingtalk', '310000 sign not match'],
    ['feishu', '19021 sign match fail or timestamp is not within one hour from current time'],
  ] as const)('%s with a wrong secret: failed with "%s", shown to admins, not retried', async (kind, message) => {
    const { robot, notify, views } = await setup(kind, { secret: 'SECthe-robots-own-secret' }, { secret: 'SECa-wrong-secret-typed' });
    await notify(`${kind}-wrong`);
    expect(await deliverDue(database.db, { windowScale: SCALE })).toBe(0);
    const [view] = await views();
    expect(view).toMatchObject({ failedCount: 1, pending: 0, lastDeliveredAt: null });
    expect(view!.failures[0]).toMatchObject({ message, title: `Expansion opportunity: ${kind}-wrong` });
    const asked = robot.requests;
    expect(await deliverDue(database.db, { windowScale: SCALE })).toBe(0);
    expect(robot.requests).toBe(asked);
  });

  it.each([
    ['dingtalk', '310000 keywords not in content'],
    ['feishu', '19024 Key Words Not Found'],
  ] as const)('%s whose keyword Baton was not told: failed with "%s"', async (kind, message) => {
    const { notify, views } = await setup(kind, { keywords: ['报备'] });
    await notify(`${kind}-nokw`);
    expect(await deliverDue(database.db, { windowScale: SCALE })).toBe(0);
    expect((await views())[0]!.failures[0]!.message).toBe(message);
  });

  it.each([
    ['dingtalk', '300005 token is not exist'],
    ['wecom', '93000 invalid webhook url, hint: [imitation]'],
    ['feishu', '19001 param invalid: incoming webhook access token invalid'],
    ['slack', '403 invalid_token'],
  ] as const)('%s robot removed: failed with "%s"', async (kind, message) => {
    const { notify, views } = await setup(kind, { removed: true });
    await notify(`${kind}-gone`);
    expect(await deliverDue(database.db, { windowScale: SCALE })).toBe(0);
    expect((await views())[0]!.failures[0]!.message).toBe(message);
  });

  it('a "too fast" answer (WeCom 45009: another system used up the minute) is retried after the window and then arrives', async () => {
    const { robot, notify, views } = await setup('wecom', {});
    for (let i = 0; i < 20; i++) await fetch(robot.url, { method: 'POST', body: JSON.stringify({ msgtype: 'text', text: { content: `other ${i}` } }) });
    await notify('wecom-busy');
    expect(await deliverDue(database.db, { windowScale: SCALE })).toBe(0);
    expect(robot.answers.get('45009')).toBe(1);
    expect((await views())[0]).toMatchObject({ pending: 1, failedCount: 0 });
    let delivered = 0;
    const until = Date.now() + 30_000;
    while (!delivered && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200));
      delivered = await deliverDue(database.db, { windowScale: SCALE });
    }
    expect(delivered).toBe(1);
    expect(robot.answers.get('45009')).toBe(1); // not hammered while it said to wait
    expect(robot.shown.at(-1)!.text).toContain('wecom-busy');
  });
});
