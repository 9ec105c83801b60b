// Conflicts and their rulings (owner + credit split by the claim's policy
// version), partner privacy in conflict lists and notices, and the webhook
// notices for conflicts and for claims about to expire (once per threshold).
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { sweepExpiring } from '@/server/claims/expiring-notices';
import { BACKENDS } from '../harness/backends';
import { serverFixture } from '../harness/server-fixture';

interface Conflict {
  id: number;
  claimId: number;
  holder: { userId: number; name: string } | null;
  openedBy: { userId: number; name: string } | null;
  ruling: unknown;
}

describe.each(BACKENDS)('claim conflicts and expiry notices on %s', (backend) => {
  const f = serverFixture(backend, ['A', 'B'], { requestsPerMinute: 1e6 });
  const A = () => f.teams[0]!;
  const B = () => f.teams[1]!;
  const outbox = async (like: string) =>
    ((await f.database.db.execute(sql`SELECT idempotency_key AS k, body::text AS body FROM webhook_outbox WHERE idempotency_key LIKE ${like} ORDER BY id`)) as unknown as { rows: { k: string; body: string }[] }).rows;

  it('opened with evidence by someone else; listed to its parties and managers; ruled once with the default split', async () => {
    expect((await f.call(A().tokens.manager, 'POST', '/v1/webhooks', { kind: 'wecom', url: 'http://127.0.0.1:9/hook' })).status).toBe(201);
    const made = await f.call(A().tokens.rep, 'POST', '/v1/claims', { customer: '争议科技', keys: [{ kind: 'company', value: '争议科技有限公司' }] });
    const claimId = (made.json.claim as { id: number }).id;

    expect((await f.call(A().tokens.rep, 'POST', `/v1/claims/${claimId}/conflicts`, { evidence: 'mine' })).json.error?.code).toBe('own_claim');
    expect((await f.call(A().tokens.rep2, 'POST', `/v1/claims/${claimId}/conflicts`, { evidence: '' })).json.error?.path).toBe('evidence');
    expect((await f.call(B().tokens.rep, 'POST', `/v1/claims/${claimId}/conflicts`, { evidence: 'other team' })).status).toBe(404);
    const opened = await f.call(A().tokens.rep2, 'POST', `/v1/claims/${claimId}/conflicts`, { evidence: '3月2日首次拜访，见附件 visit-0302.pdf' });
    expect(opened.status, JSON.stringify(opened.json)).toBe(201);
    const conflictId = (opened.json.conflict as { id: number }).id;
    expect((await f.call(A().tokens.rep2, 'POST', `/v1/claims/${claimId}/conflicts`, { evidence: 'again' })).json.error?.code).toBe('conflict_open');

    const list = async (who: 'rep' | 'rep2' | 'csm' | 'manager') => (await f.call(A().tokens[who], 'GET', '/v1/claims/conflicts')).json.conflicts as Conflict[];
    expect((await list('manager')).map((c) => c.id)).toEqual([conflictId]);
    expect((await list('rep2'))[0]).toMatchObject({ holder: { name: 'A rep' }, openedBy: { name: 'A rep2' } });
    expect((await list('rep')).map((c) => c.id)).toEqual([conflictId]);
    expect(await list('csm')).toEqual([]);
    expect(((await f.call(B().tokens.admin, 'GET', '/v1/claims/conflicts?state=all')).json.conflicts as Conflict[]).length).toBe(0);

    // Ruling: managers only; people must be in the team; the split defaults to the claim's policy (20/60/20).
    const credit = { firstTouch: A().userIds.rep2, process: A().userIds.rep2, signing: A().userIds.rep };
    expect((await f.call(A().tokens.rep, 'POST', `/v1/claims/conflicts/${conflictId}/rule`, { ownerUserId: A().userIds.rep, credit })).status).toBe(403);
    const stranger = await f.call(A().tokens.manager, 'POST', `/v1/claims/conflicts/${conflictId}/rule`, { ownerUserId: B().userIds.rep, credit });
    expect(stranger.status).toBe(400);
    expect(stranger.json.error?.path).toBe('ownerUserId');
    expect((await f.call(A().tokens.manager, 'POST', `/v1/claims/conflicts/${conflictId}/rule`, { ownerUserId: A().userIds.rep2, credit, split: { firstTouch: 50, process: 30, signing: 30 } })).json.error?.path).toBe('split');
    expect((await f.call(B().tokens.admin, 'POST', `/v1/claims/conflicts/${conflictId}/rule`, { ownerUserId: B().userIds.rep, credit: { firstTouch: B().userIds.rep, process: B().userIds.rep, signing: B().userIds.rep } })).status).toBe(404);

    const ruled = await f.call(A().tokens.manager, 'POST', `/v1/claims/conflicts/${conflictId}/rule`, { ownerUserId: A().userIds.rep2, credit, note: '首次接触在先' });
    expect(ruled.status, JSON.stringify(ruled.json)).toBe(200);
    expect((ruled.json.conflict as { ruling: unknown }).ruling).toMatchObject({
      ownerUserId: A().userIds.rep2,
      split: { firstTouch: 20, process: 60, signing: 20 },
      shares: [
        { userId: A().userIds.rep2, percent: 80 },
        { userId: A().userIds.rep, percent: 20 },
      ],
      policyVersion: 1,
    });
    expect((await f.call(A().tokens.manager, 'POST', `/v1/claims/conflicts/${conflictId}/rule`, { ownerUserId: A().userIds.rep, credit })).json.error?.code).toBe('ruled');
    // The customer now belongs to the ruled owner.
    expect(((await f.call(A().tokens.rep2, 'GET', '/v1/claims')).json.claims as { id: number }[]).some((c) => c.id === claimId)).toBe(true);
    expect((await f.call(A().tokens.csm, 'GET', '/v1/claims/lookup?kind=company&value=争议科技')).json).toMatchObject({ status: 'taken', holder: { name: 'A rep2' } });
    expect(await list('manager')).toEqual([]);
    expect(((await f.call(A().tokens.manager, 'GET', '/v1/claims/conflicts?state=ruled')).json.conflicts as Conflict[]).map((c) => c.id)).toEqual([conflictId]);

    const notices = await outbox('conflict.%');
    expect(notices.map((n) => n.k.split(':')[0])).toEqual(['conflict.opened', 'conflict.ruled']);
    expect(notices[0]!.body).toContain('争议科技');
    expect(notices[1]!.body).toContain('20%');
  });

  it('partners never see another partner’s identity in conflicts, nor in notices', async () => {
    await f.call(A().tokens.admin, 'PATCH', `/v1/users/${A().userIds.rep}`, { channel: 'partner:North' });
    await f.call(A().tokens.admin, 'PATCH', `/v1/users/${A().userIds.rep2}`, { channel: 'partner:South' });
    try {
      const made = await f.call(A().tokens.rep, 'POST', '/v1/claims', { customer: 'Partner Fight', keys: [{ kind: 'company', value: 'Partner Fight GmbH' }] });
      const claimId = (made.json.claim as { id: number }).id;
      const opened = await f.call(A().tokens.rep2, 'POST', `/v1/claims/${claimId}/conflicts`, { evidence: 'we met them first' });
      expect(opened.status).toBe(201);
      const seenBy = async (who: 'rep' | 'rep2') => ((await f.call(A().tokens[who], 'GET', '/v1/claims/conflicts')).json.conflicts as Conflict[]).find((c) => c.claimId === claimId)!;
      expect(await seenBy('rep2')).toMatchObject({ holder: null, openedBy: { name: 'A rep2' } });
      expect(await seenBy('rep')).toMatchObject({ holder: { name: 'A rep' }, openedBy: null });
      expect(JSON.stringify(await seenBy('rep2'))).not.toContain('A rep"');
      const notice = (await outbox(`conflict.opened:${(opened.json.conflict as { id: number }).id}:%`))[0]!;
      expect(notice.body).toContain('a partner');
      expect(notice.body).not.toContain('A rep2');
    } finally {
      await f.call(A().tokens.admin, 'PATCH', `/v1/users/${A().userIds.rep}`, { channel: 'direct' });
      await f.call(A().tokens.admin, 'PATCH', `/v1/users/${A().userIds.rep2}`, { channel: 'direct' });
    }
  });

  it('expiring claims are announced once per threshold (3 days, then 1 day), even when swept late', async () => {
    const claim = async (name: string, leftDays: number) => {
      const r = await f.call(A().tokens.rep, 'POST', '/v1/claims', { customer: name, keys: [{ kind: 'company', value: name }] });
      const id = (r.json.claim as { id: number }).id;
      const at = new Date(Date.now() + leftDays * 86_400_000).toISOString();
      await f.database.db.execute(sql`UPDATE claims SET expires_at = ${at}::timestamptz WHERE id = ${id}`);
      return id;
    };
    const soon = await claim('Soon Expiring Co', 2.5);
    const late = await claim('Swept Late Co', 0.5);
    await claim('Far Away Co', 10);
    expect(await sweepExpiring(f.database.db)).toBe(2);
    expect(await sweepExpiring(f.database.db)).toBe(0); // once
    expect((await outbox(`claim.expiring:${soon}:%`)).map((n) => n.k.split(':')[2])).toEqual(['3']);
    expect((await outbox(`claim.expiring:${late}:%`)).map((n) => n.k.split(':')[2])).toEqual(['1']); // one message for both thresholds
    await f.database.db.execute(sql`UPDATE claims SET expires_at = now() + interval '20 hours' WHERE id = ${soon}`);
    expect(await sweepExpiring(f.database.db)).toBe(1);
    expect(await sweepExpiring(f.database.db)).toBe(0);
    expect((await outbox(`claim.expiring:${soon}:%`)).map((n) => n.k.split(':')[2])).toEqual(['3', '1']);
    expect((await outbox(`claim.expiring:${soon}:%`))[1]!.body).toContain('Soon Expiring Co');
  });
});
