// Policy versions, stage evidence and the manager-approved extension.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/server/db/connect';
import { BACKENDS, freshDatabase } from '../harness/backends';
import { client, seedTeam, type Seeded } from '../harness/seed';

const DAY = 86_400_000;

describe.each(BACKENDS)('claim stages, extensions and policy versions on %s', (backend) => {
  let database: Database;
  let A: Seeded;
  let call: ReturnType<typeof client>;
  beforeAll(async () => {
    database = await freshDatabase(backend);
    A = await seedTeam(database, 'A');
    call = client(database, { requestsPerMinute: 1e6 });
  });
  afterAll(() => database?.close());

  const span = (c: { claimedAt: string; expiresAt: string }) => Math.round((Date.parse(c.expiresAt) - Date.parse(c.claimedAt)) / DAY);

  it('a flat-policy claim refuses stages; the extension needs a manager and is given once', async () => {
    const made = await call(A.tokens.rep, 'POST', '/v1/claims', { customer: 'Flat Co', keys: [{ kind: 'company', value: 'Flat Co' }] });
    const id = (made.json.claim as { id: number }).id;
    expect((await call(A.tokens.rep, 'POST', `/v1/claims/${id}/stages`, { stage: 'callAndVisit', evidence: 'visited' })).json.error?.code).toBe('flat_policy');
    expect((await call(A.tokens.rep, 'POST', `/v1/claims/${id}/extension/approve`)).status).toBe(403);
    expect((await call(A.tokens.manager, 'POST', `/v1/claims/${id}/extension/approve`)).json.error?.code).toBe('no_request');
    expect((await call(A.tokens.rep, 'POST', `/v1/claims/${id}/extension`)).status).toBe(200);
    expect((await call(A.tokens.rep, 'POST', `/v1/claims/${id}/extension`)).json.error?.code).toBe('extension_used');
    const ok = await call(A.tokens.manager, 'POST', `/v1/claims/${id}/extension/approve`);
    expect(span(ok.json.claim as { claimedAt: string; expiresAt: string })).toBe(28);
    expect((await call(A.tokens.manager, 'POST', `/v1/claims/${id}/extension/deny`)).json.error?.code).toBe('decided');
  });

  it('a ladder policy: 10 days, +10 with call-and-visit evidence, each stage once; older claims keep their version', async () => {
    const before = await call(A.tokens.rep, 'POST', '/v1/claims', { customer: 'Old Rules', keys: [{ kind: 'company', value: 'Old Rules Ltd' }] });
    const bad = await call(A.tokens.manager, 'PUT', '/v1/claims/policy', { mode: 'ladder', creditSplit: { firstTouch: 50, process: 60, signing: 20 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.path).toBe('creditSplit');
    expect((await call(A.tokens.rep, 'PUT', '/v1/claims/policy', { mode: 'ladder' })).status).toBe(403);
    const set = await call(A.tokens.manager, 'PUT', '/v1/claims/policy', { mode: 'ladder' });
    expect(set.status).toBe(201);
    expect((set.json.policy as { version: number }).version).toBe(2);

    const made = await call(A.tokens.rep, 'POST', '/v1/claims', { customer: 'Ladder Co', keys: [{ kind: 'company', value: 'Ladder Co' }] });
    const claim = made.json.claim as { id: number; claimedAt: string; expiresAt: string; policyVersion: number };
    expect(claim.policyVersion).toBe(2);
    expect(span(claim)).toBe(10);
    expect((await call(A.tokens.rep, 'POST', `/v1/claims/${claim.id}/stages`, { stage: 'callAndVisit', evidence: '  ' })).json.error?.path).toBe('evidence');
    const s1 = await call(A.tokens.rep, 'POST', `/v1/claims/${claim.id}/stages`, { stage: 'callAndVisit', evidence: 'visit report 2026-11-20.pdf' });
    expect(span(s1.json.claim as { claimedAt: string; expiresAt: string })).toBe(20);
    expect((await call(A.tokens.rep, 'POST', `/v1/claims/${claim.id}/stages`, { stage: 'callAndVisit', evidence: 'again' })).json.error?.code).toBe('stage_logged');
    const s2 = await call(A.tokens.rep, 'POST', `/v1/claims/${claim.id}/stages`, { stage: 'demoOrTender', evidence: 'https://tender.example.cn/123' });
    expect(span(s2.json.claim as { claimedAt: string; expiresAt: string })).toBe(40);
    expect((await call(A.tokens.rep2, 'POST', `/v1/claims/${claim.id}/stages`, { stage: 'signedUnpaid', evidence: 'x' })).status).toBe(404);
    // The lookup answers with the new expiry.
    const look = await call(A.tokens.rep2, 'GET', '/v1/claims/lookup?kind=company&value=Ladder%20Co');
    expect(look.json).toMatchObject({ status: 'taken', until: (s2.json.claim as { expiresAt: string }).expiresAt });
    // The claim made under version 1 still has its flat 14 days, and stages do nothing for it.
    const old = before.json.claim as { id: number; claimedAt: string; expiresAt: string };
    expect(span(old)).toBe(14);
    expect((await call(A.tokens.rep, 'POST', `/v1/claims/${old.id}/stages`, { stage: 'callAndVisit', evidence: 'v' })).json.error?.code).toBe('flat_policy');
    expect((await call(A.tokens.rep, 'GET', '/v1/claims/policy')).json.policy).toMatchObject({ version: 2, mode: 'ladder' });
  });
});
