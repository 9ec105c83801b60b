// The team's settings against the real server: downloaded once, then each
// sync asks with the ETag and gets 304 with no body until a manager changes one.
import { describe, expect, it } from 'vitest';
import { createServerClient } from '@/extension/sync/http-client';
import { createTeamSettings } from '@/extension/sync/team-settings';
import { countingFetch, liveServer, switchableFetch } from './harness/live-server';
import { memoryClaimsAndSettings } from './harness/memory-stores';

describe('team settings', () => {
  const live = liveServer();

  it('unchanged settings are not downloaded again: same requests, no bytes, the kept versions stay', async () => {
    const counted = countingFetch();
    const kept = memoryClaimsAndSettings();
    const settings = createTeamSettings(createServerClient(counted.fetch), kept.settings);
    const auth = live.auth('rep');

    expect(await settings.refreshClaimPolicy(auth)).toBe('saved');
    expect(await settings.refreshTeam(auth)).toEqual(['saved', 'saved']);
    const first = { ...counted.counts };
    expect(first.requests).toBe(3);
    expect(first.bytes).toBeGreaterThan(500);
    expect(kept.claimPolicy?.version).toBeGreaterThanOrEqual(1);
    expect(kept.template?.items.length).toBeGreaterThan(0);
    expect(kept.engagement).not.toBeNull();

    // Ten more syncs of an open sidebar.
    for (let i = 0; i < 10; i++) {
      expect(await settings.refreshClaimPolicy(auth)).toBe('unchanged');
      expect(await settings.refreshTeam(auth)).toEqual(['unchanged', 'unchanged']);
    }
    expect(counted.counts.requests - first.requests).toBe(30);
    expect(counted.counts.bytes - first.bytes).toBe(0);
    expect(counted.counts.statuses.slice(3).every((s) => s === 304)).toBe(true);

    // Before (same run): each sync downloaded the three settings whole.
    const before = countingFetch();
    const plain = createServerClient(before.fetch);
    for (let i = 0; i < 10; i++) for (const path of ['/v1/claims/policy', '/v1/team/template', '/v1/team/engagement']) await plain.send(auth, 'GET', path);
    expect(before.counts.bytes).toBeGreaterThan(9 * first.bytes);
    console.log(`team settings, 10 syncs after the first: before ${before.counts.bytes} bytes of bodies in 30 requests (200); after ${counted.counts.bytes - first.bytes} bytes in 30 requests (304)`);
  });

  it('a setting a manager changes is downloaded at the next sync, the others stay 304', async () => {
    const counted = countingFetch();
    const kept = memoryClaimsAndSettings();
    const settings = createTeamSettings(createServerClient(counted.fetch), kept.settings);
    const auth = live.auth('csm');
    await settings.refreshClaimPolicy(auth);
    await settings.refreshTeam(auth);

    expect((await live.call('manager', 'PUT', '/v1/team/engagement', { currency: 'JPY' })).status).toBe(201);
    expect(await settings.refreshClaimPolicy(auth)).toBe('unchanged');
    expect(await settings.refreshTeam(auth)).toEqual(['unchanged', 'saved']);
    expect(kept.engagement?.currency).toBe('JPY');

    expect((await live.call('manager', 'PUT', '/v1/claims/policy', { flatDays: 30 })).status).toBe(201);
    expect(await settings.refreshClaimPolicy(auth)).toBe('saved');
    expect(kept.claimPolicy?.flatDays).toBe(30);
  });

  it('another person signed in on the same browser starts without ETags: their settings are downloaded', async () => {
    const kept = memoryClaimsAndSettings();
    const settings = createTeamSettings(createServerClient(fetch), kept.settings);
    await settings.refreshTeam(live.auth('rep'));
    kept.template = null;
    expect(await settings.refreshTeam(live.auth('rep2'))).toEqual(['saved', 'saved']);
    expect(kept.template).not.toBeNull();
  });

  it('no network: failed, the kept versions stay; back online they are checked again', async () => {
    const net = switchableFetch();
    const kept = memoryClaimsAndSettings();
    const settings = createTeamSettings(createServerClient(net.fetch), kept.settings);
    await settings.refreshTeam(live.auth('manager'));
    const template = kept.template;
    net.down();
    await expect(settings.refreshTeam(live.auth('manager'))).rejects.toThrow();
    expect(kept.template).toEqual(template);
    net.up();
    expect(await settings.refreshTeam(live.auth('manager'))).toEqual(['unchanged', 'unchanged']);
  });
});
