// Claims made offline against the real server: kept as pending, sent with the
// next sync, and a refusal kept with the server's words for the rep to read.
import { describe, expect, it } from 'vitest';
import { createClaimQueue } from '@/extension/sync/claim-queue';
import { createServerClient, ServerUnreachable, TokenRefused } from '@/extension/sync/http-client';
import { createServerProxy } from '@/extension/sync/server-proxy';
import { liveServer, switchableFetch } from './harness/live-server';
import { memoryPendingClaims } from './harness/memory-stores';

describe('claim queue', () => {
  const live = liveServer();

  function queueFor(fetchImpl: typeof fetch) {
    const client = createServerClient(fetchImpl);
    const store = memoryPendingClaims();
    const proxy = createServerProxy({ client, signedIn: async () => live.auth('rep'), syncNow: async () => {}, rebase: async () => {}, refreshClaims: async () => {} });
    let retries = 0;
    const queue = createClaimQueue({ client, store, serverCall: proxy.serverCall, retryLater: () => void retries++ });
    return { queue, store, retries: () => retries };
  }

  const body = (customer: string) => ({ customer, keys: [{ kind: 'company' as const, value: customer }], dealUrl: 'https://acme.lightning.force.com/lightning/r/Opportunity/006q/view' });

  it('online, a claim is made at once', async () => {
    const { queue, store } = queueFor(fetch);
    const r = await queue.claim(body('Online Claim SA'));
    expect(r.status).toBe(201);
    expect(store.pending).toEqual([]);
  });

  it('offline: pending (202) and a retry is asked for; back online the next sync sends it and it is the rep’s', async () => {
    const net = switchableFetch();
    const { queue, store, retries } = queueFor(net.fetch);
    net.down();
    expect(await queue.claim(body('Offline Claim BV'))).toEqual({ status: 202, json: { pending: true } });
    expect(store.pending).toMatchObject([{ customer: 'Offline Claim BV', keys: [{ kind: 'company', value: 'Offline Claim BV' }] }]);
    expect(retries()).toBe(1);
    await expect(queue.flush(live.auth('rep'))).rejects.toThrow(ServerUnreachable);
    expect(store.pending).toHaveLength(1);

    net.up();
    await queue.flush(live.auth('rep'));
    expect(store.pending).toEqual([]);
    const mine = await live.call('rep', 'GET', '/v1/claims?scope=mine');
    expect((mine.json as { claims: { customer: string; dealUrl: string }[] }).claims).toContainEqual(expect.objectContaining({ customer: 'Offline Claim BV', dealUrl: body('x').dealUrl }));
  });

  it('a pending claim the server refuses (someone claimed it meanwhile) is kept with the server’s words, not resent', async () => {
    const net = switchableFetch();
    const { queue, store } = queueFor(net.fetch);
    net.down();
    await queue.claim(body('Contested Customer Oy'));
    net.up();
    expect((await live.call('rep2', 'POST', '/v1/claims', body('Contested Customer Oy'))).status).toBe(201);
    await queue.flush(live.auth('rep'));
    expect(store.pending).toHaveLength(1);
    expect(store.pending[0]!.refused).toMatch(/claimed/);
    await queue.flush(live.auth('rep')); // kept, not sent again
    expect(store.pending).toHaveLength(1);
  });

  it('a revoked token stops the flush: sign in again', async () => {
    const net = switchableFetch();
    const { queue, store } = queueFor(net.fetch);
    net.down();
    await queue.claim(body('Revoked Token Kft'));
    net.up();
    await expect(queue.flush({ ...live.auth('rep'), token: 'bt_revoked' })).rejects.toThrow(TokenRefused);
    expect(store.pending).toHaveLength(1);
    expect(store.pending[0]!.refused).toBeUndefined();
  });
});
