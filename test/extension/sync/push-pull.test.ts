// Push and pull against the real server: two browsers (in-memory replicas of
// IndexedDB) of the same team, edits going through the outbox, refusals kept,
// unsent edits surviving a pull, and a replay after a lost answer harmless.
import { describe, expect, it } from 'vitest';
import type { PacketOp } from '@/lib/sync/packet-ops';
import { createServerClient, ServerUnreachable, TokenRefused } from '@/extension/sync/http-client';
import { createPushPull } from '@/extension/sync/push-pull';
import { COMPLETE_OPS } from '../../server/harness/seed';
import { countingFetch, liveServer } from './harness/live-server';
import { memoryReplica } from './harness/memory-stores';

const deal = (dealName: string): PacketOp => ({
  kind: 'deal',
  snapshot: { dealName, accountName: 'Northwind', amount: 1000, currency: 'EUR', stage: 'Closed Won', closeDate: '2026-12-01', owner: 'A rep', probability: null },
  dealUrl: 'https://acme.lightning.force.com/lightning/r/Opportunity/006x/view',
});

describe('push and pull', () => {
  const live = liveServer();
  const client = createServerClient(fetch);

  it('the outbox goes to the server; another browser pulls the packet and its cursor moves on', async () => {
    const key = 'salesforce:acme:006PUSH1';
    const rep = memoryReplica('repbrowser01');
    rep.edit(key, deal('Push one'));
    const last = rep.edit(key, { kind: 'set', path: 'profile.industry', value: 'Logistics' });
    await createPushPull(client, rep.store).pushAll(live.auth('rep'));
    expect(rep.outboxEntries).toEqual([]);

    const other = memoryReplica('repbrowser02');
    await createPushPull(client, other.store).pullAll(live.auth('rep'));
    expect(other.packets.get(key)?.deal.dealName).toBe('Push one');
    expect(other.packets.get(key)?.profile.industry).toBe('Logistics');
    expect(other.cursorValue).toBeGreaterThan(0);
    // The clock moved past the server's newest HLC before the packets showed.
    expect(other.observed).toEqual([last.hlc]);

    // Nothing new: the next pull brings nothing and keeps the cursor.
    const cursor = other.cursorValue;
    other.packets.clear();
    await createPushPull(client, other.store).pullAll(live.auth('rep'));
    expect(other.packets.size).toBe(0);
    expect(other.cursorValue).toBe(cursor);
  });

  it('a pull keeps this browser’s unsent edits on top of the server’s version', async () => {
    const key = 'salesforce:acme:006PUSH2';
    const rep = memoryReplica('repbrowser03');
    rep.edit(key, deal('Rebased'));
    rep.edit(key, { kind: 'set', path: 'profile.tier', value: 'A' });
    await createPushPull(client, rep.store).pushAll(live.auth('rep'));

    const other = memoryReplica('repbrowser04');
    other.edit(key, { kind: 'set', path: 'profile.size', value: '1,200' }); // typed here, not yet sent
    await createPushPull(client, other.store).pullAll(live.auth('rep'));
    const local = other.packets.get(key)!;
    expect(local.profile.tier).toBe('A');
    expect(local.profile.size).toBe('1,200');
    expect(other.outboxEntries).toHaveLength(1);
  });

  it('an answer lost on the way back: the outbox is kept, and sending it again applies each edit once', async () => {
    const key = 'salesforce:acme:006PUSH3';
    const rep = memoryReplica('repbrowser05');
    rep.edit(key, deal('Lost answer'));
    rep.edit(key, { kind: 'add', list: 'risks.items', item: { id: 'r1', text: 'Adoption' } });
    // The request reaches the server, the answer never comes back.
    const losing: typeof fetch = async (input, init) => {
      await fetch(input, init);
      throw new TypeError('network lost');
    };
    await expect(createPushPull(createServerClient(losing), rep.store).pushAll(live.auth('rep'))).rejects.toThrow(ServerUnreachable);
    expect(rep.outboxEntries).toHaveLength(2);

    await createPushPull(client, rep.store).pushAll(live.auth('rep'));
    expect(rep.outboxEntries).toEqual([]);
    const got = await live.call('rep', 'GET', `/v1/packets/${encodeURIComponent(key)}`);
    expect((got.json as { packet: { risks: { items: unknown[] } } }).packet.risks.items).toHaveLength(1);
  });

  it('an edit the server refuses leaves the outbox for the refusals, and the local copy is the server’s again', async () => {
    const key = 'salesforce:acme:006PUSH4';
    const rep = memoryReplica('repbrowser06');
    rep.edit(key, deal('Refused'));
    await createPushPull(client, rep.store).pushAll(live.auth('rep'));

    // The CSM's browser has a copy and types into it before acceptance: refused.
    const csm = memoryReplica('csmbrowser01');
    await createPushPull(client, csm.store).pullAll(live.auth('csm'));
    csm.edit(key, { kind: 'set', path: 'profile.industry', value: 'Typed by the CSM' });
    expect(csm.packets.get(key)?.profile.industry).toBe('Typed by the CSM');
    await createPushPull(client, csm.store).pushAll(live.auth('csm'));
    expect(csm.outboxEntries).toEqual([]);
    expect(csm.refusals.map((r) => [r.code, r.entry.op])).toEqual([['csmBeforeAcceptance', { kind: 'set', path: 'profile.industry', value: 'Typed by the CSM' }]]);
    expect(csm.refusals[0]!.reason).not.toBe('');
    expect(csm.packets.get(key)?.profile.industry).toBe('');
  });

  it('a batch the server cannot read is split: the good edits go through, only the bad one is refused, with the field', async () => {
    const key = 'salesforce:acme:006PUSH5';
    const counted = countingFetch();
    const rep = memoryReplica('repbrowser07');
    rep.edit(key, deal('Split'));
    rep.edit(key, { kind: 'set', path: '9-not-a-path', value: 'x' });
    rep.edit(key, { kind: 'set', path: 'profile.industry', value: 'Retail' });
    await createPushPull(createServerClient(counted.fetch), rep.store).pushAll(live.auth('rep'));
    expect(rep.outboxEntries).toEqual([]);
    expect(rep.refusals).toHaveLength(1);
    expect(rep.refusals[0]).toMatchObject({ code: 'invalid', entry: { op: { path: '9-not-a-path' } } });
    expect(rep.refusals[0]!.reason).toContain('(mutations[0].op.path)');
    expect(counted.counts.statuses.filter((s) => s === 400).length).toBeGreaterThanOrEqual(2);
    const got = await live.call('rep', 'GET', `/v1/packets/${encodeURIComponent(key)}`);
    expect((got.json as { packet: { profile: { industry: string } } }).packet.profile.industry).toBe('Retail');
  });

  it('a packet completed here can be pulled complete by the CSM (many edits in one push)', async () => {
    const key = 'salesforce:acme:006PUSH6';
    const rep = memoryReplica('repbrowser08');
    rep.edit(key, deal('Complete'));
    for (const op of COMPLETE_OPS) rep.edit(key, op as PacketOp);
    await createPushPull(client, rep.store).pushAll(live.auth('rep'));
    const csm = memoryReplica('csmbrowser02');
    await createPushPull(client, csm.store).pullAll(live.auth('csm'));
    expect(csm.packets.get(key)?.stakeholders.map((s) => s.name)).toEqual(['张伟']);
  });

  it('a revoked token stops the run: sign in again', async () => {
    const rep = memoryReplica('repbrowser09');
    await expect(createPushPull(client, rep.store).pullAll({ ...live.auth('rep'), token: 'bt_revoked' })).rejects.toThrow(TokenRefused);
    rep.edit('salesforce:acme:006PUSH7', deal('Revoked'));
    await expect(createPushPull(client, rep.store).pushAll({ ...live.auth('rep'), token: 'bt_revoked' })).rejects.toThrow(TokenRefused);
    expect(rep.outboxEntries).toHaveLength(1);
  });
});
