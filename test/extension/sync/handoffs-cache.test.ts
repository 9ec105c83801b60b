// What a reassignment handed to me, cached for the popup, against the real
// server: the rep's claims handed to rep2 with whom from, who by and why;
// acknowledged, the next refresh drops it; a failed answer keeps the list.
import { describe, expect, it } from 'vitest';
import type { HandoffNotice } from '@/lib/reassign/handoff-notice';
import { createHandoffsCache } from '@/extension/sync/handoffs-cache';
import { createServerClient } from '@/extension/sync/http-client';
import { liveServer } from './harness/live-server';

describe('handoffs cache', () => {
  const live = liveServer();

  it('lists what was handed to me until I acknowledge it; a refused answer keeps the list', async () => {
    expect((await live.call('rep', 'POST', '/v1/claims', { customer: 'Omicron AG', keys: [{ kind: 'company', value: 'Omicron AG' }] })).status).toBe(201);
    const done = await live.call('manager', 'POST', `/v1/users/${live.team.userIds.rep}/reassignment`, { outcome: 'leaves', receivers: [live.team.userIds.rep2], reason: 'Moved abroad' });
    expect(done.status).toBe(201);
    let kept: HandoffNotice[] = [];
    const cache = createHandoffsCache(createServerClient(fetch), { save: async (h) => void (kept = h) });
    await cache.refresh(live.auth('rep2'));
    expect(kept.map((h) => [h.kind, h.label, h.from, h.by, h.reason])).toEqual([['claim', 'Omicron AG', 'A rep', 'A manager', 'Moved abroad']]);

    expect((await live.call('rep2', 'POST', `/v1/me/handoffs/${kept[0]!.id}/ack`)).status).toBe(200);
    await cache.refresh(live.auth('rep2'));
    expect(kept).toEqual([]);

    // The leaver's token is refused: nothing replaces the cached list.
    const earlier: HandoffNotice = { id: 1, kind: 'claim', claimId: 1, packetKey: null, label: 'Kept', dealUrl: null, from: 'A rep', by: 'A manager', reason: 'r', note: '', at: new Date().toISOString() };
    kept = [earlier];
    await cache.refresh(live.auth('rep'));
    expect(kept).toHaveLength(1);
  });
});
