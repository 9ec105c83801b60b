// The reassignment plan on a seeded team whose answers were worked out by hand
// (issue 16 item 2): which claims and packets form one customer, the even
// split and the per-customer choice, the notes, and who may receive.
import { describe, expect, it } from 'vitest';
import { reassignBodySchema } from '@/lib/reassign/api-schemas';
import { customersOf, planReassignment, sameHoldings, type HeldClaim, type HeldPacket } from '@/lib/reassign/plan';
import { receiverTotals } from '@/lib/reassign/totals';
import { mayGrant, receiverIssues, roleChangeIssues, type TeamPerson } from '@/lib/reassign/rules';

// Wang (10) is the rep who leaves. Li (11) and Zhao (12) are reps; Chen (13) left already; Sun (20) is a CSM.
const people: TeamPerson[] = [
  { id: 10, name: 'Wang', role: 'rep', active: true },
  { id: 11, name: 'Li', role: 'rep', active: true },
  { id: 12, name: 'Zhao', role: 'rep', active: true },
  { id: 13, name: 'Chen', role: 'rep', active: false },
  { id: 20, name: 'Sun', role: 'csm', active: true },
  { id: 30, name: 'Boss', role: 'manager', active: true },
  { id: 40, name: 'Qian', role: 'implementation', active: true },
  { id: 41, name: 'Zhou', role: 'implementation', active: true },
];
const wang = people[0]!;

const claims: HeldClaim[] = [
  { id: 104, customer: 'ACME', expiresAt: '2027-01-14T00:00:00.000Z', dealUrl: null },
  { id: 101, customer: '上海云杉科技有限公司', expiresAt: '2027-01-10T00:00:00.000Z', dealUrl: 'https://crm.example/deal/a' },
  { id: 102, customer: 'Acme Co., Ltd.', expiresAt: '2027-01-12T00:00:00.000Z', dealUrl: null },
  { id: 103, customer: 'Beta GmbH', expiresAt: '2027-01-11T00:00:00.000Z', dealUrl: 'https://crm.example/deal/b' },
];
const packets: HeldPacket[] = [
  // same deal link as claim 101 (the account is written without its legal form)
  { key: 'pipedrive:x:1', dealName: 'Cloud fir renewal', accountName: '上海云杉科技', dealUrl: 'https://crm.example/deal/a', status: 'draft', as: 'owner' },
  { key: 'pipedrive:x:2', dealName: 'Gamma expansion', accountName: 'Gamma Inc', dealUrl: 'https://crm.example/deal/g', status: 'returned', as: 'owner' },
  // another deal of Acme: joins claims 102 and 104 by the company name
  { key: 'pipedrive:x:3', dealName: 'Acme seats', accountName: 'Acme Inc.', dealUrl: 'https://crm.example/deal/c', status: 'submitted', as: 'owner' },
];

const body = (over: Partial<Parameters<typeof reassignBodySchema.parse>[0]> = {}) =>
  reassignBodySchema.parse({ outcome: 'leaves', receivers: [11, 12], reason: 'Wang leaves the company', ...over });

describe('customers of the leaver', () => {
  it('groups a claim and a packet of one deal, and claims and packets of one company; orders by name', () => {
    const customers = customersOf(claims, packets);
    expect(customers.map((c) => [c.id, c.label, c.claims.map((x) => x.id), c.packets.map((p) => p.key)])).toEqual([
      ['claim:102', 'Acme Co., Ltd.', [102, 104], ['pipedrive:x:3']],
      ['claim:103', 'Beta GmbH', [103], []],
      ['packet:pipedrive:x:2', 'Gamma Inc', [], ['pipedrive:x:2']],
      ['claim:101', '上海云杉科技有限公司', [101], ['pipedrive:x:1']],
    ]);
  });
});

describe('the plan', () => {
  const customers = customersOf(claims, packets);

  it('even split: customers dealt in turn, every claim and packet once', () => {
    const { customers: plan, issues } = planReassignment(customers, body());
    expect(issues).toEqual([]);
    expect(plan.map((c) => [c.id, c.receiverId])).toEqual([
      ['claim:102', 11],
      ['claim:103', 12],
      ['packet:pipedrive:x:2', 11],
      ['claim:101', 12],
    ]);
    expect(receiverTotals(plan, [people[1]!, people[2]!])).toEqual([
      { id: 11, name: 'Li', customers: 2, claims: 2, packets: 2 },
      { id: 12, name: 'Zhao', customers: 2, claims: 2, packets: 1 },
    ]);
    // nothing lost, nothing doubled: 4 claims and 3 packets in, 4 and 3 out
    expect(plan.flatMap((c) => c.claims.map((x) => x.id)).sort()).toEqual([101, 102, 103, 104]);
    expect(plan.flatMap((c) => c.packets.map((p) => p.key)).sort()).toEqual(['pipedrive:x:1', 'pipedrive:x:2', 'pipedrive:x:3']);
  });

  it('one receiver gets everything', () => {
    const { customers: plan } = planReassignment(customers, body({ receivers: [12] }));
    expect(new Set(plan.map((c) => c.receiverId))).toEqual(new Set([12]));
  });

  it('a packet’s note is its own, else the reason', () => {
    const { customers: plan, issues } = planReassignment(customers, body({ notes: [{ packetKey: 'pipedrive:x:2', note: 'Gamma wants weekly calls' }] }));
    expect(issues).toEqual([]);
    expect(Object.fromEntries(plan.flatMap((c) => c.packets.map((p) => [p.key, p.note])))).toEqual({
      'pipedrive:x:1': 'Wang leaves the company',
      'pipedrive:x:2': 'Gamma wants weekly calls',
      'pipedrive:x:3': 'Wang leaves the company',
    });
  });

  it('choice: each customer to its chosen receiver', () => {
    const choices = [
      { customer: 'claim:101', receiverId: 11 },
      { customer: 'claim:102', receiverId: 12 },
      { customer: 'claim:103', receiverId: 12 },
      { customer: 'packet:pipedrive:x:2', receiverId: 12 },
    ];
    const { customers: plan, issues } = planReassignment(customers, body({ split: 'choice', choices }));
    expect(issues).toEqual([]);
    expect(receiverTotals(plan, [people[1]!, people[2]!])).toEqual([
      { id: 11, name: 'Li', customers: 1, claims: 1, packets: 1 },
      { id: 12, name: 'Zhao', customers: 3, claims: 3, packets: 2 },
    ]);
  });

  it('choice: unknown customers, receivers not chosen, customers left out and notes for packets that do not move are refused by path', () => {
    const { issues } = planReassignment(
      customers,
      body({
        split: 'choice',
        choices: [
          { customer: 'claim:102', receiverId: 12 },
          { customer: 'claim:999', receiverId: 11 },
          { customer: 'claim:103', receiverId: 13 },
        ],
        notes: [{ packetKey: 'pipedrive:other:9', note: 'x' }],
      }),
    );
    expect(issues).toEqual([
      { path: 'choices[1].customer', code: 'notInPlan' },
      { path: 'choices[2].receiverId', code: 'notReceiver' },
      { path: 'notes[0].packetKey', code: 'notInPlan' },
      { path: 'choices', code: 'customerUnassigned', params: { customer: 'Beta GmbH' } },
      { path: 'choices', code: 'customerUnassigned', params: { customer: 'Gamma Inc' } },
      { path: 'choices', code: 'customerUnassigned', params: { customer: '上海云杉科技有限公司' } },
    ]);
  });

  it('the preview’s holdings match only the same claims and packets', () => {
    expect(sameHoldings(customers, { claimIds: [104, 103, 102, 101], packetKeys: ['pipedrive:x:3', 'pipedrive:x:1', 'pipedrive:x:2'] })).toBe(true);
    expect(sameHoldings(customers, { claimIds: [101, 102, 103], packetKeys: ['pipedrive:x:1', 'pipedrive:x:2', 'pipedrive:x:3'] })).toBe(false);
    expect(sameHoldings(customers, { claimIds: [101, 102, 103, 104], packetKeys: ['pipedrive:x:1', 'pipedrive:x:2'] })).toBe(false);
  });
});

describe('who may receive, and the new role', () => {
  it('only active people of the leaver’s role, not the leaver', () => {
    expect(receiverIssues(wang, [11, 10, 13, 20, 99], people)).toEqual([
      { path: 'receivers[1]', code: 'isLeaver' },
      { path: 'receivers[2]', code: 'receiverInactive' },
      { path: 'receivers[3]', code: 'receiverRole' },
      { path: 'receivers[4]', code: 'unknownUser' },
    ]);
    expect(receiverIssues(people[4]!, [20], people)).toEqual([{ path: 'receivers[0]', code: 'isLeaver' }]);
    expect(receiverIssues(wang, [12, 11], people)).toEqual([]);
    expect(receiverIssues(people[6]!, [41, 11], people)).toEqual([{ path: 'receivers[1]', code: 'receiverRole' }]);
  });

  it('a role change names a new role; managers give only the roles that hold customers', () => {
    expect(reassignBodySchema.safeParse({ outcome: 'changesRole', receivers: [11], reason: 'moves to CS' }).error?.issues.map((i) => i.path.join('.'))).toEqual(['newRole']);
    expect(roleChangeIssues(wang, { outcome: 'changesRole', newRole: 'rep' })).toEqual([{ path: 'newRole', code: 'sameRole' }]);
    expect(roleChangeIssues(wang, { outcome: 'changesRole', newRole: 'csm' })).toEqual([]);
    expect(mayGrant('manager', 'csm')).toBe(true);
    expect(mayGrant('manager', 'implementation')).toBe(true);
    expect(mayGrant('manager', 'manager')).toBe(false);
    expect(mayGrant('manager', 'admin')).toBe(false);
    expect(mayGrant('admin', 'manager')).toBe(true);
  });

  it('the request: receivers once each, a reason, at most 20 receivers', () => {
    expect(body({ receivers: [11, 12, 11] }).receivers).toEqual([11, 12]);
    const bad = reassignBodySchema.safeParse({ outcome: 'leaves', receivers: [], reason: '  ' });
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['reason', 'receivers']);
    expect(reassignBodySchema.safeParse({ outcome: 'leaves', receivers: Array.from({ length: 21 }, (_, i) => i + 1), reason: 'x' }).success).toBe(false);
  });
});
