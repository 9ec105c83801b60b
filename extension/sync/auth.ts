// Sign-in and sign-out. The token is checked against the server (GET /v1/me)
// before it is kept, and is kept only by the background (the store is the
// extension's IndexedDB in production): pages ask the background to call the
// server for them (server-proxy.ts) and never see it.
import type { Locale } from '@/lib/i18n/locale';
import { translate, type MessageKey } from '@/lib/i18n/translate';
import { meAnswerSchema } from '@/lib/sync/api-responses';
import { parseServerAddress } from '@/lib/sync/server-address';
import { managedSignInRefusal, type ManagedConfig } from '@/lib/settings/managed-config';
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

/**
 * `locale`: the person's UI language, for the sign-in failure messages the options page shows.
 * `managed`: what the IT department set by policy; a managed server or team is the only one sign-in accepts.
 */
export function createAuth(client: ServerClient, store: AuthStore, locale: () => Promise<Locale>, managed: () => Promise<ManagedConfig> = async () => ({})) {
  /**
   * Checks `token` on the server at `serverUrl` (https, or http to this computer
   * only: lib/sync/server-address.ts) and keeps it when the server knows it.
   * Nothing is kept on any failure; the message says which, in the person's language.
   */
  async function signIn(serverUrl: string, token: string): Promise<SignInResult> {
    const failed = async (key: MessageKey, params?: Record<string, string | number>): Promise<SignInResult> => ({ ok: false, message: translate(await locale(), key, params) });
    const address = parseServerAddress(serverUrl);
    if (!address.ok) return failed(address.reason === 'insecure' ? 'signIn.insecure' : 'signIn.invalidAddress');
    const policy = await managed();
    const wrongServer = managedSignInRefusal(policy, { serverUrl: address.origin });
    if (wrongServer) return failed(wrongServer.key, wrongServer.params);
    const endpoint = { serverUrl: address.origin, token: token.trim() };
    try {
      const res = await client.send(endpoint, 'GET', '/v1/me', { timeoutMs: SIGN_IN_TIMEOUT_MS });
      if (res.status === 401) return failed('signIn.tokenRefused');
      if (!res.ok) return failed('error.unknown', { status: res.status });
      const me = await readAs(res, meAnswerSchema);
      if (!me) return failed('signIn.notBaton');
      const wrongTeam = managedSignInRefusal(policy, { serverUrl: address.origin, team: me.team });
      if (wrongTeam) return failed(wrongTeam.key, wrongTeam.params);
      const auth: SyncAuth = { ...endpoint, user: me.user, team: me.team };
      await store.set(auth);
      return { ok: true, auth };
    } catch (e) {
      return failed('signIn.unreachable', { reason: e instanceof Error ? e.message : String(e) });
    }
  }

  return { signIn, signOut: () => store.set(null), current: () => store.get() };
}

export type Auth = ReturnType<typeof createAuth>;
