// What extension pages ask the background to send to the server, since only
// the background holds the token: API calls of the popup, sidebar and options
// page (to an allowed set of paths), and the packet commands (submit, accept,
// return, amend, intro-sent, request-csm) which go after the pushed edits.
import type { PacketCommand } from '@/lib/packet/commands';
import type { Packet } from '@/lib/packet/schema';
import { errorAnswerSchema, packetAnswerSchema, type ErrorAnswer } from '@/lib/sync/api-responses';
import type { SyncAuth } from '../db/sync-auth';
import { readAs, type Method, type ServerClient } from './http-client';

/** Paths extension pages may call through the background. */
const PAGE_API = /^\/v1\/(me|users|tokens|claims|team|webhooks|invites|drafts)(\/[\w/-]*)?(\?.*)?$/;

export interface CommandResult {
  ok: boolean;
  /** 0: not sent (signed out, or the server unreachable) */
  status: number;
  error?: ErrorAnswer['error'];
  packet?: Packet;
}

/** An answer as pages get it: status 0 when not sent; json is the body (JSON, else its text, e.g. a CSV export). */
export interface ProxiedAnswer {
  status: number;
  json: unknown;
}

export interface ProxyDeps {
  client: ServerClient;
  signedIn(): Promise<SyncAuth | null>;
  /** a sync run (push, pull…), awaited before a command so the server judges the latest edits */
  syncNow(): Promise<void>;
  /** the packet as the command left it, plus this browser's unsent edits */
  rebase(server: Packet): Promise<void>;
  /** after a change to claims or handoffs: the popup's caches and badge follow at once */
  refreshClaims(auth: SyncAuth): Promise<void>;
}

const signedOut = { code: 'signed_out', message: 'Sign in to a Baton server on the options page first.' };
const offline = (e: unknown) => ({ code: 'offline', message: e instanceof Error ? e.message : String(e) });

export function createServerProxy(deps: ProxyDeps) {
  /**
   * A call for an extension page. Only /v1/me, /v1/users, /v1/tokens, /v1/webhooks, /v1/invites,
   * /v1/claims, /v1/team and /v1/drafts are reachable (400 otherwise).
   */
  async function serverCall(method: Method, path: string, body?: unknown): Promise<ProxiedAnswer> {
    if (!PAGE_API.test(path)) return { status: 400, json: { error: { code: 'invalid', message: `Not reachable from a page: ${path}` } } };
    const auth = await deps.signedIn();
    if (!auth) return { status: 0, json: { error: signedOut } };
    try {
      const res = await deps.client.send(auth, method, path, body === undefined ? {} : { body });
      // JSON, or the text itself (a CSV export).
      const json: unknown = (res.headers.get('content-type') ?? '').includes('json') ? await res.json().catch(() => null) : await res.text();
      if (method !== 'GET' && res.ok && (path.startsWith('/v1/claims') || path.startsWith('/v1/me/handoffs') || path.includes('/reassignment'))) await deps.refreshClaims(auth);
      return { status: res.status, json };
    } catch (e) {
      return { status: 0, json: { error: offline(e) } };
    }
  }

  /** A packet command: pushed edits first, then the command, then a pull. */
  async function command(key: string, kind: PacketCommand, body?: unknown): Promise<CommandResult> {
    const auth = await deps.signedIn();
    if (!auth) return { ok: false, status: 0, error: signedOut };
    await deps.syncNow();
    let res: Response;
    try {
      res = await deps.client.send(auth, 'POST', `/v1/packets/${encodeURIComponent(key)}/${kind}`, { body: body ?? {} });
    } catch (e) {
      return { ok: false, status: 0, error: offline(e) };
    }
    const failed = res.ok ? null : await readAs(res, errorAnswerSchema);
    if (res.ok) {
      const answer = await readAs(res, packetAnswerSchema);
      if (answer) await deps.rebase(answer.packet);
    }
    void deps.syncNow();
    return res.ok ? { ok: true, status: res.status } : { ok: false, status: res.status, ...(failed ? { error: failed.error } : {}) };
  }

  return { serverCall, command };
}

export type ServerProxy = ReturnType<typeof createServerProxy>;
