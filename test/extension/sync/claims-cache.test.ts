// The claims cache against the real server: my claims kept for the popup with
// the server's clock, the badge counting those inside the warning window, a
// notification once per threshold, and a manager's queue.
import { describe, expect, it } from 'vitest';
import { createClaimsCache } from '@/extension/sync/claims-cache';
import { createServerClient, ServerUnreachable } from '@/extension/sync/http-client';
import { createTeamSettings } from '@/extension/sync/team-settings';
import { ageClaim } from '../../server/harness/server-fixture';
import { liveServer, switchableFetch } from './harness/live-server';
import { memoryClaimsAndSettings, recordedSignals } from './harness/memory-stores';

const DAY = 86_400_000;

describe('claims cache', () => {
  const live = liveServer();

  async function claim(customer: string): Promise<number> {
    const r = await live.call('rep', 'POST', '/v1/claims', { customer, keys: [{ kind: 'company', value: customer }] });
    expect(r.status).toBe(201);
    return (r.json as { claim: { id: number } }).claim.id;
  }

  it('keeps my claims with the server’s clock: the badge counts those expiring soon even when this computer’s clock is days off', async () => {
    const soon = await claim('Expiring Soon GmbH');
    await claim('Fresh Claim Ltd');
    await ageClaim(live.database, soon, 12); // 14-day protection: about 2 days left
    const kept = memoryClaimsAndSettings();
    const signals = recordedSignals();
    const client = createServerClient(fetch);
    // This computer's clock is 5 days ahead of the server's.
    const skewed = () => Date.now() + 5 * DAY;
    await createTeamSettings(client, kept.settings).refreshClaimPolicy(live.auth('rep'));
    const cache = createClaimsCache(client, kept.claimsStore, signals, skewed);
    await cache.refresh(live.auth('rep'));

    expect(kept.claims.map((c) => c.customer).sort()).toEqual(['Expiring Soon GmbH', 'Fresh Claim Ltd']);
    expect(Math.round(kept.serverOffsetMs / DAY)).toBe(-5);
    expect(kept.managerQueue).toBeNull();
    expect(signals.badgeText).toBe('1');
    expect(signals.notices).toEqual([{ id: `baton-claim-${soon}-3`, title: 'Claim expiring: Expiring Soon GmbH', message: expect.stringMatching(/^[12] d \d+ h left$/) }]);

    // Shown once: the next refresh and badge update notify nothing more.
    await cache.refresh(live.auth('rep'));
    await cache.updateBadge();
    expect(signals.notices).toHaveLength(1);
    expect(kept.noticesSent).toEqual([`${soon}:3`]);
  });

  it('notifications in the person’s language; one that fails to show still settles, and the badge still counts it', async () => {
    const kept = memoryClaimsAndSettings();
    const zh = recordedSignals('zh-CN');
    const cache = createClaimsCache(createServerClient(fetch), kept.claimsStore, zh);
    await cache.refresh(live.auth('rep'));
    expect(zh.notices[0]?.title).toBe('客户保护即将到期：Expiring Soon GmbH');

    const kept2 = memoryClaimsAndSettings();
    const off = { ...recordedSignals(), notify: () => Promise.reject(new Error('notifications are turned off')) };
    let badge = '';
    off.badge = async (t: string) => void (badge = t);
    await createClaimsCache(createServerClient(fetch), kept2.claimsStore, off).refresh(live.auth('rep'));
    expect(badge).toBe('1');
    expect(kept2.noticesSent).toHaveLength(1);
  });

  it('a manager’s cache counts extension requests awaiting a decision and open conflicts', async () => {
    const id = await claim('Needs More Time AG');
    expect((await live.call('rep', 'POST', `/v1/claims/${id}/extension`, {})).status).toBe(200);
    const kept = memoryClaimsAndSettings();
    await createClaimsCache(createServerClient(fetch), kept.claimsStore, recordedSignals()).refresh(live.auth('manager'));
    expect(kept.managerQueue).toEqual({ extensions: 1, conflicts: 0 });
  });

  it('an answer that fails keeps the cache as it was; no network stops the run to retry later', async () => {
    const kept = memoryClaimsAndSettings();
    const net = switchableFetch();
    const cache = createClaimsCache(createServerClient(net.fetch), kept.claimsStore, recordedSignals());
    await cache.refresh(live.auth('rep'));
    const before = [...kept.claims];
    expect(before.length).toBeGreaterThan(0);
    await cache.refresh({ ...live.auth('rep'), token: 'bt_revoked' });
    expect(kept.claims).toEqual(before);
    net.down();
    await expect(cache.refresh(live.auth('rep'))).rejects.toThrow(ServerUnreachable);
    expect(kept.claims).toEqual(before);
  });
});
