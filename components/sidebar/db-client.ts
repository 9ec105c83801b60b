// The sidebar's handle on the database, through the background (see
// extension/messaging/db-protocol for why). Reconnects when the service worker is
// restarted; requests in flight then fail, and the draft retries them.
// No port is opened before the background accepted this frame's proof
// (use-tab-deal, frame-gate): requests made earlier wait for it.
import { browser } from 'wxt/browser';
import { DB_PORT, type DbRequest, type DbResponses, type DbServerMessage, type ReadStamp, type RefusedEditView } from '@/extension/messaging/db-protocol';
import type { Packet } from '@/lib/packet/schema';

type Port = ReturnType<typeof browser.runtime.connect>;
type Pending = { resolve(v: unknown): void; reject(e: Error): void };
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
      const m = raw as DbServerMessage;
      if ('type' in m) {
        for (const cb of this.watchers.get(m.key) ?? []) cb(m.packet, m.stamp, m.refusals);
        return;
      }
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(m.error));
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

  request<T extends DbRequest>(req: T): Promise<DbResponses[T['type']]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const go = () => {
        this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
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
