// What pages ask the background to forward, against the real server: only
// the page API's paths, the token added here, claims' changes refreshing the
// cache, and the packet commands sent after the pushed edits.
import { describe, expect, it } from 'vitest';
import type { Packet } from '@/lib/packet/schema';
import type { PacketOp } from '@/lib/sync/packet-ops';
import type { SyncAuth } from '@/extension/db/sync-auth';
import { createServerClient } from '@/extension/sync/http-client';
import { createPushPull } from '@/extension/sync/push-pull';
import { createServerProxy, type ProxyDeps } from '@/extension/sync/server-proxy';
import { COMPLETE_OPS } from '../../server/harness/seed';
import { countingFetch, liveServer, switchableFetch } from './harness/live-server';
import { memoryReplica } from './harness/memory-stores';

const deal: PacketOp = {
  kind: 'deal',
  snapshot: { dealName: 'Proxy deal', accountName: 'Contoso', amount: 5000, currency: 'USD', stage: 'Closed Won', closeDate: '2026-12-01', owner: 'A rep', probability: null },
  dealUrl: 'https://acme.lightning.force.com/lightning/r/Opportunity/006p/view',
};

describe('server proxy', () => {
  const live = liveServer();

  function proxyFor(auth: SyncAuth | null, fetchImpl: typeof fetch = fetch, over: Partial<ProxyDeps> = {}) {
    const calls = { syncs: 0, refreshed: 0, rebased: [] as Packet[] };
    const proxy = createServerProxy({
      client: createServerClient(fetchImpl),
      signedIn: async () => auth,
      syncNow: async () => void calls.syncs++,
      rebase: async (p) => void calls.rebased.push(p),
      refreshClaims: async () => void calls.refreshed++,
      ...over,
    });
    return { proxy, calls };
  }

  it('a page’s call goes out with the background’s token and comes back as JSON', async () => {
    const { proxy } = proxyFor(live.auth('admin'));
    const r = await proxy.serverCall('GET', '/v1/me');
    expect(r).toEqual({ status: 200, json: expect.objectContaining({ user: expect.objectContaining({ name: 'A admin', role: 'admin' }) }) });
  });

  it('paths outside the page API are refused here, before any request', async () => {
    const counted = countingFetch();
    const { proxy } = proxyFor(live.auth('rep'), counted.fetch);
    for (const path of ['/v1/sync/pull?cursor=0', '/v1/packets/salesforce:acme:1/submit', '/v1/../v1/sync/push', 'https://evil.example/v1/me', '/v1/me/../../admin'])
      expect((await proxy.serverCall('GET', path)).status, path).toBe(400);
    expect(counted.counts.requests).toBe(0);
  });

  it('signed out: status 0, signed_out; no network: status 0, offline', async () => {
    expect((await proxyFor(null).proxy.serverCall('GET', '/v1/me')).json).toEqual({ error: { code: 'signed_out', message: 'Sign in to a Baton server on the options page first.' } });
    const net = switchableFetch();
    net.down();
    const r = await proxyFor(live.auth('rep'), net.fetch).proxy.serverCall('GET', '/v1/me');
    expect(r).toEqual({ status: 0, json: { error: { code: 'offline', message: 'fetch failed' } } });
  });

  it('a CSV export passes as text; errors pass with the server’s code and field', async () => {
    const { proxy } = proxyFor(live.auth('manager'));
    const csv = await proxy.serverCall('GET', '/v1/team/health?format=csv');
    expect(csv.status).toBe(200);
    expect(typeof csv.json).toBe('string');
    const bad = await proxy.serverCall('POST', '/v1/users', { name: '', role: 'rep' });
    expect(bad.status).toBe(403); // a manager may not add users
    const invalid = await proxyFor(live.auth('admin')).proxy.serverCall('POST', '/v1/users', { name: 'X', role: 'boss' });
    expect(invalid.status).toBe(400);
    expect(invalid.json).toMatchObject({ error: { code: 'invalid' } });
  });

  it('a change to claims refreshes the cache at once; a read does not', async () => {
    const { proxy, calls } = proxyFor(live.auth('rep'));
    await proxy.serverCall('GET', '/v1/claims?scope=mine');
    expect(calls.refreshed).toBe(0);
    const made = await proxy.serverCall('POST', '/v1/claims', { customer: 'Proxy Claim Co', keys: [{ kind: 'company', value: 'Proxy Claim Co' }] });
    expect(made.status).toBe(201);
    expect(calls.refreshed).toBe(1);
    const again = await proxy.serverCall('POST', '/v1/claims', { customer: 'Proxy Claim Co', keys: [{ kind: 'company', value: 'Proxy Claim Co' }] });
    expect(again.status).toBe(409);
    expect(calls.refreshed).toBe(1);
  });

  it('submit goes after the pushed edits: refused with the missing items, then accepted once complete; the packet is rebased', async () => {
    const key = 'salesforce:acme:006PROXY1';
    const rep = memoryReplica('proxyrep0001');
    const packets = createPushPull(createServerClient(fetch), rep.store);
    rep.edit(key, deal);
    const { proxy, calls } = proxyFor(live.auth('rep'), fetch, { syncNow: () => packets.pushAll(live.auth('rep')), rebase: packets.rebase });

    const early = await proxy.command(key, 'submit');
    expect(early.ok).toBe(false);
    expect(early.status).toBe(422);
    expect(early.error).toMatchObject({ code: 'incomplete', missing: expect.arrayContaining(['profile']) });
    expect(rep.outboxEntries).toEqual([]); // pushed before the command

    for (const op of COMPLETE_OPS) rep.edit(key, op as PacketOp);
    const done = await proxy.command(key, 'submit');
    expect(done).toEqual({ ok: true, status: 200 });
    expect(rep.packets.get(key)?.status).toBe('submitted');
    expect(calls.rebased).toEqual([]); // the real rebase was used
  });

  it('a command while signed out or offline is not sent, and says why', async () => {
    expect(await proxyFor(null).proxy.command('salesforce:acme:1', 'accept')).toMatchObject({ ok: false, status: 0, error: { code: 'signed_out' } });
    const net = switchableFetch();
    net.down();
    expect(await proxyFor(live.auth('csm'), net.fetch).proxy.command('salesforce:acme:1', 'accept')).toMatchObject({ ok: false, status: 0, error: { code: 'offline' } });
  });
});
