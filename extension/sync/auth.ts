// Sign-in and sign-out. The token is checked against the server (GET /v1/me)
// before it is kept, and is kept only by the background (the store is the
// extension's IndexedDB in production): pages ask the background to call the
// server for them (server-proxy.ts) and never see it.
import { meAnswerSchema } from '@/lib/sync/api-responses';
import { parseServerAddress } from '@/lib/sync/server-address';
import type { SyncAuth } from '../db/sync-auth';
import { readAs, type ServerClient } from './http-client';

/** Where the signed-in person is kept (production: extension/db/sync-auth.ts). */
export interface AuthStore {
  get(): Promise<SyncAuth | null>;
  /** null signs out (and forgets the pull cursor, which belongs to that person's view) */
  set(auth: SyncAuth | null): Promise<void>;
}

export type SignInResult = { ok: true; auth: SyncAuth } | { ok: false; message: string };

const SIGN_IN_TIMEOUT_MS = 10_000;

export function createAuth(client: ServerClient, store: AuthStore) {
  /**
   * Checks `token` on the server at `serverUrl` (https, or http to this computer
   * only: lib/sync/server-address.ts) and keeps it when the server knows it.
   * Nothing is kept on any failure; the message says which (English, shown by the options page).
   */
  async function signIn(serverUrl: string, token: string): Promise<SignInResult> {
    const address = parseServerAddress(serverUrl);
    if (!address.ok) {
      return {
        ok: false,
        message: address.reason === 'insecure' ? 'The server address must start with https:// (http:// only for this computer: localhost or 127.0.0.1).' : 'The server address is not a valid http(s) URL.',
      };
    }
    const endpoint = { serverUrl: address.origin, token: token.trim() };
    try {
      const res = await client.send(endpoint, 'GET', '/v1/me', { timeoutMs: SIGN_IN_TIMEOUT_MS });
      if (res.status === 401) return { ok: false, message: 'The server does not accept this token.' };
      if (!res.ok) return { ok: false, message: `The server answered ${res.status}.` };
      const me = await readAs(res, meAnswerSchema);
      if (!me) return { ok: false, message: 'The server’s answer is not a Baton server’s.' };
      const auth: SyncAuth = { ...endpoint, user: me.user, team: me.team };
      await store.set(auth);
      return { ok: true, auth };
    } catch (e) {
      return { ok: false, message: `Cannot reach the server: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  return { signIn, signOut: () => store.set(null), current: () => store.get() };
}

export type Auth = ReturnType<typeof createAuth>;
