// The sidebar's handle on the database, through the background (see
// extension/messaging/messages.ts for why). Every answer is parsed with the
// message map's schema for its request. Reconnects when the service worker is
// restarted; requests in flight then fail, and the draft retries them.
// No port is opened before the background accepted this frame's proof
// (use-tab-deal, frame-gate): requests made earlier wait for it.
import { browser } from 'wxt/browser';
import { parseReceived } from '@/extension/messaging/channel';
import { DB_MESSAGES, DB_PORT, dbServerMessageSchema, type DbAnswer, type DbRequest, type DbType, type ReadStamp, type RefusedEditView } from '@/extension/messaging/db-messages';
import { describeIssues } from '@/extension/messaging/message-map';
import type { Packet } from '@/lib/packet/schema';

type Port = ReturnType<typeof browser.runtime.connect>;
type Pending = { type: DbType; resolve(v: unknown): void; reject(e: Error): void };
type Watcher = (p: Packet | null, stamp: ReadStamp, refusals: RefusedEditView[]) => void;

class DbClient {
  private port: Port | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private watchers = new Map<string, Set<Watcher>>();
  private allowed = false;
  private waiting: (() => void)[] = [];

  /** The frame is proven: open the port for waiting and later requests. */
  open(): void {
    this.allowed = true;
    for (const go of this.waiting.splice(0)) go();
  }

  /** The frame lost its proof: drop the port; later requests wait again. */
  close(): void {
    this.allowed = false;
    this.port?.disconnect();
    this.port = null;
  }

  private connect(): Port {
    if (this.port) return this.port;
    const port = browser.runtime.connect({ name: DB_PORT });
    port.onMessage.addListener((raw: unknown) => {
      const m = parseReceived(dbServerMessageSchema, raw, 'database port message');
      if (!m) return;
      if ('type' in m) {
        for (const cb of this.watchers.get(m.key) ?? []) cb(m.packet, m.stamp, m.refusals);
        return;
      }
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (!m.ok) return p.reject(new Error(m.error));
      const result = DB_MESSAGES[p.type].answer.safeParse(m.result);
      if (result.success) p.resolve(result.data);
      else p.reject(new Error(`Baton: the background's answer to ${p.type} is malformed: ${describeIssues(result.error)}`));
    });
    port.onDisconnect.addListener(() => {
      this.port = null;
      for (const p of this.pending.values()) p.reject(new Error('background restarted'));
      this.pending.clear();
      // Re-subscribe watched packets on a fresh connection.
      if (this.watchers.size && this.allowed) setTimeout(() => this.rewatch(), 100);
    });
    this.port = port;
    return port;
  }

  private rewatch() {
    for (const key of this.watchers.keys()) {
      void this.request({ type: 'packet:watch', key })
        .then((r) => this.watchers.get(key)?.forEach((cb) => cb(r.packet, r.stamp, r.refusals)))
        .catch(() => undefined);
    }
  }

  request<T extends DbType>(req: DbRequest<T> & { type: T }): Promise<DbAnswer<T>>;
  // (one signature for callers; the answer resolved is the parse of its request type's schema, above)
  request(req: DbRequest): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const go = () => {
        this.pending.set(id, { type: req.type, resolve, reject });
        try {
          this.connect().postMessage({ id, req });
        } catch (e) {
          this.pending.delete(id);
          this.port = null;
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      };
      if (this.allowed) go();
      else this.waiting.push(go);
    });
  }

  /** Calls back with the stored packet and its refused edits now and on every later change. */
  watch(key: string, cb: Watcher): () => void {
    const set = this.watchers.get(key) ?? new Set();
    set.add(cb);
    this.watchers.set(key, set);
    void this.request({ type: 'packet:watch', key })
      .then((r) => cb(r.packet, r.stamp, r.refusals))
      .catch(() => undefined);
    return () => {
      set.delete(cb);
      if (!set.size) {
        this.watchers.delete(key);
        void this.request({ type: 'packet:unwatch', key }).catch(() => undefined);
      }
    };
  }
}

export const dbClient = new DbClient();
