// Local-first sync of packets (extension/sync/README.md). Push: the outbox in batches,
// each mutation with its client-generated id, so a replay after a lost answer
// is harmless. Pull: packets changed since the cursor; each is rebased — the
// server's version plus this browser's still-unsent edits — so nothing typed
// is lost. The HLC moves past what the server has seen before the packets show.
import { newPacket, storedPacketSchema, type Packet } from '@/lib/packet/schema';
import type { RefusalCode } from '@/lib/packet/edit-rights';
import { errorAnswerSchema, packetAnswerSchema, pullAnswerSchema, pushAnswerSchema } from '@/lib/sync/api-responses';
import type { OutboxEntry } from '../db/database';
import type { Refusal } from '../db/refusals';
import { failOnSyncError, readAs, ServerUnreachable, type Endpoint, type ServerClient } from './http-client';

const BATCH = 200;
const PULL_PAGE = 200;

/** What push/pull keeps locally (production: the extension's IndexedDB, extension/sync/dexie-stores.ts). */
export interface ReplicaStore {
  /** this browser's id (also its HLC node id) */
  clientId(): Promise<string>;
  /** the oldest `limit` unsent edits, in the order they were made */
  outbox(limit: number): Promise<OutboxEntry[]>;
  /** applied or duplicate on the server: out of the outbox */
  sent(seqs: number[]): Promise<void>;
  /** refused: out of the outbox and kept for the person; returns the keys whose local copy still shows a refused edit */
  refused(refusals: Refusal[]): Promise<Set<string>>;
  /** in one transaction: the server's version plus this browser's unsent edits of that packet becomes the local copy */
  rebase(server: Packet): Promise<void>;
  packet(key: string): Promise<Packet | undefined>;
  cursor(): Promise<number>;
  setCursor(cursor: number): Promise<void>;
  /** the local HLC moves past `remote` (lib/sync/hlc.ts) */
  observeHlc(remote: string, now: number): Promise<void>;
}

/** `now` is the wall clock the HLC reads (ms since the epoch), read at each use. */
export function createPushPull(client: ServerClient, store: ReplicaStore, now: () => number = () => Date.now()) {
  /** Sends the whole outbox; refused edits leave it for the refusals list, and their packets are restored from the server. */
  async function pushAll(to: Endpoint): Promise<void> {
    const id = await store.clientId();
    for (;;) {
      const batch = await store.outbox(BATCH);
      if (!batch.length) return;
      const refused = await pushBatch(to, id, batch);
      for (const key of await store.refused(refused)) await restoreFromServer(to, key);
    }
  }

  /**
   * Sends one batch; applied and duplicate mutations leave the outbox, refused
   * ones are returned. A batch answered 400 (or 413) is split in halves until
   * the mutation(s) the server cannot take are alone: the good ones still go
   * through, and only the bad one is refused, with the server's words.
   */
  async function pushBatch(to: Endpoint, clientId: string, batch: OutboxEntry[]): Promise<Refusal[]> {
    const res = await client.send(to, 'POST', '/v1/sync/push', {
      body: { clientId, mutations: batch.map((m) => ({ id: m.id, packetKey: m.packetKey, op: m.op, hlc: m.hlc })) },
    });
    failOnSyncError(res);
    if (res.status !== 200) {
      if (batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        return [...(await pushBatch(to, clientId, batch.slice(0, half))), ...(await pushBatch(to, clientId, batch.slice(half)))];
      }
      const json = await readAs(res, errorAnswerSchema);
      const reason = json ? `${json.error.message}${json.error.path ? ` (${json.error.path})` : ''}` : `server answered ${res.status}`;
      return [{ entry: batch[0]!, code: 'invalid', reason }];
    }
    const answer = await readAs(res, pushAnswerSchema);
    if (!answer) throw new ServerUnreachable('the answer to a push was not readable');
    const byId = new Map(batch.map((m) => [m.id, m]));
    const refused: Refusal[] = [];
    const done: number[] = [];
    for (const r of answer.results) {
      const entry = byId.get(r.id);
      if (!entry) continue;
      if (r.status === 'rejected') refused.push({ entry, code: r.code ?? ('invalid' satisfies RefusalCode), reason: r.reason ?? '' });
      else done.push(entry.seq!);
    }
    await store.sent(done);
    return refused;
  }

  /** After a refusal the local copy still shows the refused edit: take the server's version (plus unsent edits) again. */
  async function restoreFromServer(to: Endpoint, key: string): Promise<void> {
    const res = await client.send(to, 'GET', `/v1/packets/${encodeURIComponent(key)}`);
    if (res.status === 200) {
      const answer = await readAs(res, packetAnswerSchema);
      if (answer) await store.rebase(answer.packet);
      return;
    }
    if (res.status !== 404) return;
    // Not on the server (nobody may start it from here): an empty packet of the deal, plus unsent edits.
    const local = await store.packet(key);
    if (local) await store.rebase({ ...newPacket(local.identity, local.deal, local.dealUrl, new Date(local.createdAt)), updatedAt: local.updatedAt });
  }

  /** Every packet changed since the cursor, page by page; the cursor is kept after each page. */
  async function pullAll(to: Endpoint): Promise<void> {
    let cursor = await store.cursor();
    for (;;) {
      const res = await client.send(to, 'GET', `/v1/sync/pull?cursor=${cursor}&limit=${PULL_PAGE}`);
      failOnSyncError(res);
      const page = res.status === 200 ? await readAs(res, pullAnswerSchema) : null;
      if (!page) throw new ServerUnreachable(`server answered ${res.status}`);
      // Edits made after seeing these must order after them, whatever this
      // computer's clock says: move the clock first, then show the packets.
      if (page.hlc) await store.observeHlc(page.hlc, now());
      for (const raw of page.packets) {
        const parsed = storedPacketSchema.safeParse(raw);
        if (parsed.success) await store.rebase(parsed.data);
      }
      cursor = page.cursor;
      await store.setCursor(cursor);
      if (!page.more) return;
    }
  }

  return { pushAll, pullAll, rebase: (server: Packet) => store.rebase(server) };
}

export type PushPull = ReturnType<typeof createPushPull>;
