// The server refuses exactly what the shared edit rule refuses (the rule the
// sidebar uses to decide what to offer): every role × lifecycle state × kind of
// edit is pushed for real, on both drivers, and a refused edit changes nothing.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { editVerdict, type EditContext } from '@/lib/packet/edit-rights';
import type { PacketOp } from '@/lib/sync/packet-ops';
import { packets } from '@/server/db/schema';
import { BACKENDS } from '../harness/backends';
import { COMPLETE_OPS, hlc, WHO, type Who } from '../harness/seed';
import { serverFixture } from '../harness/server-fixture';

const OPS: PacketOp[] = [
  { kind: 'set', path: 'salesNotes', value: 'typed' },
  { kind: 'add', list: 'risks.items', item: { id: 'r9', text: 'late' } },
  { kind: 'update', list: 'stakeholders', id: 's', patch: { title: 'CFO' } },
  { kind: 'set', path: 'dealOverrides.amount', value: '1000' },
  { kind: 'set', path: 'engagement.salesCycleDays', value: 40 },
  { kind: 'set', path: 'expansion.relationship', value: 'high' },
  { kind: 'add', list: 'expansion.opportunities', item: { id: 'o1', summary: 'more seats' } },
  { kind: 'deal', snapshot: { dealName: 'Renamed', accountName: null, amount: null, currency: null, stage: null, closeDate: null, owner: null, probability: null }, dealUrl: '' },
  { kind: 'set', path: 'review.acceptedBy', value: 'me' },
  { kind: 'set', path: 'status', value: 'accepted' },
  { kind: 'update', list: 'risks.items', id: 'r9', patch: { owner: 'stray' } },
  { kind: 'set', path: 'contract.amount', value: 'lots' },
  // the signed-out sidebar's local "submitted" mark: ignored by the server, never refused
  { kind: 'status', status: 'accepted' },
];
const STATES = [null, 'draft', 'submitted', 'returned', 'accepted'] as const;

describe.each(BACKENDS)('edit rights on the server (%s)', (backend) => {
  const f = serverFixture(backend);
  let n = 0;
  const A = () => f.teams[0]!;
  const push = (who: Who, key: string, ops: PacketOp[]) =>
    f.call(A().tokens[who], 'POST', '/v1/sync/push', { clientId: `rights-${who}`, mutations: ops.map((op) => ({ id: `m${++n}`, packetKey: key, op, hlc: hlc() })) });

  async function packetIn(status: (typeof STATES)[number]): Promise<string> {
    const key = `pipedrive:acme.pipedrive.com:rights-${++n}`;
    if (status === null) return key;
    expect((await push('rep', key, COMPLETE_OPS as PacketOp[])).status).toBe(200);
    const enc = encodeURIComponent(key);
    if (status !== 'draft') expect((await f.call(A().tokens.rep, 'POST', `/v1/packets/${enc}/submit`)).status).toBe(200);
    if (status === 'accepted') expect((await f.call(A().tokens.csm, 'POST', `/v1/packets/${enc}/accept`)).status).toBe(200);
    if (status === 'returned') expect((await f.call(A().tokens.csm, 'POST', `/v1/packets/${enc}/return`, { reasons: [{ item: 'risks', reason: 'why' }] })).status).toBe(200);
    return key;
  }
  const stored = async (key: string) =>
    (await f.database.db.select({ data: packets.data }).from(packets).where(and(eq(packets.teamId, A().teamId), eq(packets.key, key))))[0]?.data ?? null;

  for (const status of STATES)
    it(`every role × every kind of edit of a ${status ?? 'new'} packet: refused exactly as lib/packet/edit-rights says`, async () => {
      const mismatches: string[] = [];
      for (const who of WHO) {
        for (const op of OPS) {
          const key = await packetIn(status);
          const before = await stored(key);
          const r = await push(who, key, [op]);
          expect(r.status).toBe(200);
          const got = (r.json.results as { status: string; code?: string }[])[0]!;
          const ctx: EditContext = { role: who === 'rep2' ? 'rep' : who, owner: who === 'rep' || status === null, status };
          const v = editVerdict(ctx, op);
          const want = v.ok ? (op.kind === 'set' && op.path === 'contract.amount' ? 'rejected:invalid' : 'applied') : `rejected:${v.code}`;
          const have = got.status === 'applied' ? 'applied' : `${got.status}:${got.code}`;
          if (want !== have) mismatches.push(`${who} ${JSON.stringify(op)}: want ${want}, got ${have}`);
          if (got.status === 'rejected') expect(await stored(key), `${who} ${JSON.stringify(op)} changed nothing`).toEqual(before);
        }
      }
      expect(mismatches).toEqual([]);
    });

  it('a CSM’s refused edit of a submitted packet sits beside an allowed one in the same batch: only the refused one is refused', async () => {
    const key = await packetIn('submitted');
    const r = await push('csm', key, [
      { kind: 'set', path: 'salesNotes', value: 'CSM typed this' },
      { kind: 'deal', snapshot: { dealName: 'Seen by the CSM', accountName: null, amount: null, currency: null, stage: null, closeDate: null, owner: null, probability: null }, dealUrl: '' },
    ]);
    expect((r.json.results as { status: string; code?: string }[]).map((x) => `${x.status}:${x.code ?? ''}`)).toEqual(['rejected:csmBeforeAcceptance', 'applied:']);
    const data = (await stored(key)) as { salesNotes: string; deal: { dealName: string } };
    expect(data.salesNotes).toBe('');
    expect(data.deal.dealName).toBe('Seen by the CSM');
  });

  it('after acceptance a CSM’s edit is an amendment: applied and marked where', async () => {
    const key = await packetIn('accepted');
    const r = await push('csm', key, [{ kind: 'set', path: 'salesNotes', value: 'Found a second champion' }]);
    expect((r.json.results as { status: string }[])[0]!.status).toBe('applied');
    const data = (await stored(key)) as { salesNotes: string; review: { amendedPaths: string[] } };
    expect(data.salesNotes).toBe('Found a second champion');
    expect(data.review.amendedPaths).toContain('salesNotes');
  });

  it('a replayed refused mutation (its answer was lost) is told the refusal again, not "duplicate"', async () => {
    const key = await packetIn('submitted');
    const body = { clientId: 'rights-replay', mutations: [{ id: 'replayed-1', packetKey: key, op: { kind: 'set', path: 'salesNotes', value: 'CSM typed this' }, hlc: hlc() }] };
    const first = await f.call(A().tokens.csm, 'POST', '/v1/sync/push', body);
    const again = await f.call(A().tokens.csm, 'POST', '/v1/sync/push', body);
    expect(first.json.results).toEqual([{ id: 'replayed-1', status: 'rejected', code: 'csmBeforeAcceptance', reason: expect.any(String) }]);
    expect(again.json.results).toEqual(first.json.results);
  });
});
