// Claims made while the server is unreachable: kept as pending and sent with
// the next sync; a refusal is kept for the rep to read (never dropped).
import { errorAnswerSchema } from '@/lib/sync/api-responses';
import type { PendingClaim } from '../db/database';
import type { SyncAuth } from '../db/sync-auth';
import { failOnSyncError, readAs, type ServerClient } from './http-client';
import type { ProxiedAnswer } from './server-proxy';

/** Where pending claims wait (production: IndexedDB pendingClaims). */
export interface PendingClaimsStore {
  all(): Promise<PendingClaim[]>;
  add(claim: PendingClaim): Promise<void>;
  remove(localId: number): Promise<void>;
  refuse(localId: number, reason: string): Promise<void>;
}

export type NewClaim = Omit<PendingClaim, 'at' | 'localId' | 'refused'>;

export interface ClaimQueueDeps {
  client: ServerClient;
  store: PendingClaimsStore;
  /** the page API call (server-proxy.ts) */
  serverCall(method: 'POST', path: string, body: unknown): Promise<ProxiedAnswer>;
  /** a sync run soon, with backoff */
  retryLater(): void;
  now?: () => number;
}

const isOffline = (r: ProxiedAnswer) => r.status === 0 && errorAnswerSchema.safeParse(r.json).data?.error.code === 'offline';

export function createClaimQueue(deps: ClaimQueueDeps) {
  const now = deps.now ?? (() => Date.now());

  /** Claim now, or, when the server is unreachable, keep it as pending (answered 202 {pending: true}). */
  async function claim(body: NewClaim): Promise<ProxiedAnswer> {
    const r = await deps.serverCall('POST', '/v1/claims', body);
    if (!isOffline(r)) return r;
    await deps.store.add({ ...body, at: new Date(now()).toISOString() });
    deps.retryLater();
    return { status: 202, json: { pending: true } };
  }

  /** Sends the pending claims; 401, 429 and 5xx stop the run (http-client.ts), any other refusal is kept with the server's words. */
  async function flush(auth: SyncAuth): Promise<void> {
    for (const p of await deps.store.all()) {
      if (p.refused) continue;
      const res = await deps.client.send(auth, 'POST', '/v1/claims', { body: { customer: p.customer, keys: p.keys, ...(p.dealUrl ? { dealUrl: p.dealUrl } : {}), ...(p.line ? { line: p.line } : {}) } });
      failOnSyncError(res);
      if (res.status === 201) await deps.store.remove(p.localId!);
      else await deps.store.refuse(p.localId!, (await readAs(res, errorAnswerSchema))?.error.message ?? `refused (${res.status})`);
    }
  }

  return { claim, flush };
}

export type ClaimQueue = ReturnType<typeof createClaimQueue>;
