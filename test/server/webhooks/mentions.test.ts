// "Notify the person": the notices for a particular person @mention them in
// each chat tool's format, checked by the tools' imitations — the sales owner
// for an expansion opportunity, the CSM for a submitted packet, the manager for
// an extension request; a partner is never mentioned.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookKind } from '@/lib/webhooks/config-schema';
import type { Database } from '@/server/db/connect';
import { deliverDue } from '@/server/webhooks/outbox';
import { freshDatabase } from '../harness/backends';
import { client, COMPLETE_OPS, hlc, seedTeam, type Seeded, type Who } from '../harness/seed';
import { IMITATIONS, type Imitation } from './imitations';

const KINDS: WebhookKind[] = ['dingtalk', 'wecom', 'feishu', 'slack'];
const PEOPLE: Partial<Record<Who, { mobile: string; dingtalk: string; wecom: string; feishu: string; slack: string }>> = {
  rep: { mobile: '+8613800000001', dingtalk: 'rep01', wecom: 'RepOne', feishu: 'ou_rep0000000000000000000000000001', slack: 'U0REP00001' },
  csm: { mobile: '+8613800000002', dingtalk: 'csm02', wecom: 'CsmTwo', feishu: 'ou_csm0000000000000000000000000002', slack: 'U0CSM00002' },
  manager: { mobile: '+8613800000003', dingtalk: 'mgr03', wecom: 'MgrThree', feishu: 'ou_mgr0000000000000000000000000003', slack: 'U0MGR00003' },
};
/** How each tool names the person it notifies (DingTalk and WeCom: by mobile when there is one, else id). */
const named = (kind: WebhookKind, who: Who) => {
  const p = PEOPLE[who]!;
  return { dingtalk: p.mobile.slice(3), wecom: p.wecom, feishu: p.feishu, slack: p.slack }[kind];
};

describe('mentions through real notices (PostgreSQL)', () => {
  let database: Database;
  let team: Seeded;
  let call: ReturnType<typeof client>;
  const robots = new Map<WebhookKind, Imitation>();

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    team = await seedTeam(database, 'Mentions');
    call = client(database, { requestsPerMinute: 1e6 });
    for (const kind of KINDS) {
      const robot = await IMITATIONS[kind]({ scale: 1 / 60 });
      robots.set(kind, robot);
      expect((await call(team.tokens.admin, 'POST', '/v1/webhooks', { kind, url: robot.url })).status).toBe(201);
    }
    for (const [who, chat] of Object.entries(PEOPLE)) expect((await call(team.tokens.admin, 'PUT', `/v1/users/${team.userIds[who as Who]}/chat`, chat)).status).toBe(200);
  });
  afterAll(async () => {
    await Promise.all([...robots.values()].map((r) => r.close()));
    await database?.close();
  });

  /** Delivers everything due and returns, per tool, who was notified by the message whose text has `marker`. */
  async function notified(marker: string): Promise<Record<WebhookKind, string[]>> {
    for (let i = 0; i < 5 && (await deliverDue(database.db, { windowScale: 1 / 60 })) > 0; i++);
    const out = {} as Record<WebhookKind, string[]>;
    for (const kind of KINDS) {
      const shown = robots.get(kind)!.shown.filter((s) => s.text.includes(marker));
      expect(shown, `${kind}: ${marker}`).toHaveLength(1);
      out[kind] = shown[0]!.mentioned;
    }
    return out;
  }

  it('the CSM for a submitted packet, the sales owner for an expansion opportunity', async () => {
    const key = 'salesforce:acme.lightning.force.com:006MENTION';
    const enc = encodeURIComponent(key);
    let n = 0;
    const push = (token: string, ops: unknown[]) => call(token, 'POST', '/v1/sync/push', { clientId: 'mention-client', mutations: ops.map((op) => ({ id: `m-${++n}`, packetKey: key, op, hlc: hlc() })) });
    const deal = { kind: 'deal', snapshot: { dealName: 'Mention rollout', accountName: 'Mention Co', amount: 1000, currency: 'USD', stage: 'Closed Won', closeDate: '2026-12-01', owner: 'Rep' }, dealUrl: 'https://acme.lightning.force.com/m' };
    expect((await push(team.tokens.rep, [deal, ...COMPLETE_OPS])).status).toBe(200);
    expect((await call(team.tokens.rep, 'POST', `/v1/packets/${enc}/submit`)).status).toBe(200);
    const submitted = await notified('Mention rollout — submitted');
    for (const kind of KINDS) expect(submitted[kind], kind).toEqual([named(kind, 'csm')]);

    expect((await call(team.tokens.csm, 'POST', `/v1/packets/${enc}/accept`)).status).toBe(200);
    const accepted = await notified('Mention rollout — accepted');
    for (const kind of KINDS) expect(accepted[kind], kind).toEqual([named(kind, 'rep')]);

    await push(team.tokens.csm, [{ kind: 'add', list: 'expansion.opportunities', item: { id: 'opp-m', summary: 'Forty more seats', value: 9000 } }]);
    const expansion = await notified('Forty more seats');
    for (const kind of KINDS) expect(expansion[kind], kind).toEqual([named(kind, 'rep')]);
  });

  it('the manager for an extension request', async () => {
    const made = await call(team.tokens.rep, 'POST', '/v1/claims', { customer: 'Extension Mention Co', keys: [{ kind: 'company', value: 'Extension Mention Co' }] });
    const id = (made.json.claim as { id: number }).id;
    expect((await call(team.tokens.rep, 'POST', `/v1/claims/${id}/extension`)).status).toBe(200);
    const asked = await notified('Extension requested: Extension Mention Co');
    for (const kind of KINDS) expect(asked[kind], kind).toEqual([named(kind, 'manager')]);
  });

  it('a partner is never mentioned, even with a chat identity', async () => {
    await database.db.execute(sql`UPDATE users SET channel = 'partner:Acme Resellers' WHERE id = ${team.userIds.rep}`);
    const made = await call(team.tokens.rep, 'POST', '/v1/claims', { customer: 'Partner Co', keys: [{ kind: 'company', value: 'Partner Mention Co' }] });
    const claimId = (made.json.claim as { id: number }).id;
    const opened = await call(team.tokens.rep2, 'POST', `/v1/claims/${claimId}/conflicts`, { evidence: 'I met them first' });
    expect(opened.status).toBe(201);
    const conflict = await notified('Claim conflict: Partner Co');
    for (const kind of KINDS) expect(conflict[kind], kind).toEqual([]);
  });
});
