// A CSM leaves: the retrospectives of the handoffs they accepted go with their
// customers to the CSM who receives them (server/reassign moves packets.csm_user_id),
// instead of falling due for nobody (the leaver is deactivated).
import { describe, expect, it } from 'vitest';
import { createToken } from '@/server/auth/tokens';
import { users } from '@/server/db/schema';
import { REVIEW_SECTIONS } from '@/lib/engagement/retrospective';
import { ageAcceptance } from '../harness/age-acceptance';
import { BACKENDS } from '../harness/backends';
import { COMPLETE_OPS, hlc } from '../harness/seed';
import { serverFixture } from '../harness/server-fixture';

const sections = Object.fromEntries(REVIEW_SECTIONS.map((s) => [s, { verdict: 'right', note: '' }]));

describe.each(BACKENDS)('a retrospective after its CSM left, on %s', (backend) => {
  const f = serverFixture(backend, ['A'], { requestsPerMinute: 1e6 });
  const A = () => f.teams[0]!;

  it('falls due for the CSM who received the customer, who may submit it', async () => {
    const [u] = await f.database.db.insert(users).values({ teamId: A().teamId, name: 'A csm2', role: 'csm' }).returning();
    const csm2 = { id: u!.id, token: (await createToken(f.database.db, u!.id)).token };
    const key = `hubspot:app.hubspot.com:left-${backend}`;
    const snapshot = { dealName: 'Deal L', accountName: 'Account L', amount: 1, currency: 'EUR', stage: 'Closed Won', closeDate: '2026-10-01', owner: 'Rep' };
    const ops = [{ kind: 'deal', snapshot, dealUrl: 'https://app.hubspot.com/deal/l' }, ...COMPLETE_OPS];
    const pushed = await f.call(A().tokens.rep, 'POST', '/v1/sync/push', { clientId: 'left-client', mutations: ops.map((op, i) => ({ id: `left-${i}`, packetKey: key, op, hlc: hlc() })) });
    expect(pushed.status, JSON.stringify(pushed.json)).toBe(200);
    expect((await f.call(A().tokens.rep, 'POST', `/v1/packets/${encodeURIComponent(key)}/submit`)).status).toBe(200);
    expect((await f.call(A().tokens.csm, 'POST', `/v1/packets/${encodeURIComponent(key)}/accept`)).status).toBe(200);
    await ageAcceptance(f.database, A().teamId, key, 31);

    const moved = await f.call(A().tokens.manager, 'POST', `/v1/users/${A().userIds.csm}/reassignment`, { outcome: 'leaves', receivers: [csm2.id], reason: 'left the company' });
    expect(moved.status, JSON.stringify(moved.json)).toBe(201);

    const due = await f.call(csm2.token, 'GET', '/v1/team/retrospectives/due');
    expect((due.json.due as { key: string }[]).map((d) => d.key)).toEqual([key]);
    const r = await f.call(csm2.token, 'POST', '/v1/team/retrospectives', { key, sections, profileFit: 'yes' });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.review).toMatchObject({ key, csm: 'A csm2', rep: 'A rep' });
  });
});
