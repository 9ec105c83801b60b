// CRMs render the record after load (and again after SPA navigation), so the
// reader waits: it reads at once, then on every DOM change (including inside
// open shadow roots as they appear) and on a light poll, until the adapter's
// readiness fields are there and stable, or the bound runs out. Hidden views
// never count as rendered, nor, with `accept`, the previous record's view.
import type { AdapterDefinition } from './adapter-schema';
import { allRoots } from './deep-query';
import { isReady, readSnapshot, type ReadOptions } from './read-snapshot';
import type { DealSnapshot } from './types';

export interface WaitResult {
  snapshot: DealSnapshot;
  ready: boolean;
}

const SETTLE_MS = 60;
const POLL_MS = 250;

export function waitForSnapshot(
  doc: Document,
  adapter: AdapterDefinition,
  opts: { timeoutMs?: number; signal?: AbortSignal } & ReadOptions = {},
): Promise<WaitResult> {
  const read = { ...(opts.accept ? { accept: opts.accept } : {}) };
  const first = readSnapshot(doc, adapter, read);
  // Settle a little even when ready at once: a record half-inserted in one task
  // is complete by the next.
  const bound = opts.timeoutMs ?? adapter.waitMs ?? 10_000;
  return new Promise((resolve) => {
    const win = doc.defaultView ?? globalThis;
    const observed = new WeakSet<Node>();
    let settleTimer: ReturnType<typeof setTimeout> | null = null;
    let done = false;
    const mo = new win.MutationObserver(() => schedule());
    const observe = () => {
      for (const r of allRoots(doc)) {
        const node = 'documentElement' in r ? r.documentElement : r;
        if (node && !observed.has(node)) {
          observed.add(node);
          mo.observe(node, { childList: true, subtree: true, characterData: true, attributes: true });
        }
      }
    };
    const finish = (ready: boolean) => {
      if (done) return;
      done = true;
      mo.disconnect();
      clearInterval(poll);
      clearTimeout(timeout);
      if (settleTimer) clearTimeout(settleTimer);
      opts.signal?.removeEventListener('abort', onAbort);
      const snapshot = readSnapshot(doc, adapter, read);
      resolve({ snapshot, ready: ready && isReady(snapshot, adapter) });
    };
    const check = () => {
      settleTimer = null;
      observe();
      if (isReady(readSnapshot(doc, adapter, read), adapter)) finish(true);
    };
    function schedule() {
      if (settleTimer === null && !done) settleTimer = setTimeout(check, SETTLE_MS);
    }
    const onAbort = () => finish(false);
    opts.signal?.addEventListener('abort', onAbort);
    const poll = setInterval(schedule, POLL_MS);
    const timeout = setTimeout(() => finish(false), bound);
    observe();
    if (isReady(first, adapter)) schedule();
  });
}
