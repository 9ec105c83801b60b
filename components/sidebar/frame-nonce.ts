// Collects the nonces posted to this frame by its parent window (frame-gate):
// Baton's content script posts one each time the frame loads. The page can
// post here too (same window), so every candidate is handed to the background,
// which accepts only the one it issued for this tab and document.
// Imported first by the sidebar entry so no message is missed.
import { frameNonceMessageSchema } from '@/extension/messaging/content-messages';

/** How many untried candidates are kept (the newest) and sent in one proof. */
export const MAX_CANDIDATES = 64;

const seen = new Set<string>();
let queue: string[] = [];
const listeners = new Set<() => void>();

window.addEventListener('message', (e: MessageEvent<unknown>) => {
  if (e.source !== window.parent || window.parent === window) return;
  // Anything else the page posts here is not a candidate (and not worth a warning).
  const parsed = frameNonceMessageSchema.safeParse(e.data);
  if (!parsed.success) return;
  const m = parsed.data;
  // A page repeating forged candidates gains nothing; one flooding new ones
  // before Baton's arrives cannot push the real one out (the newest are kept).
  if (seen.has(m.nonce)) return;
  if (seen.size > 4096) seen.clear();
  seen.add(m.nonce);
  queue.push(m.nonce);
  if (queue.length > MAX_CANDIDATES) queue.shift();
  for (const cb of listeners) cb();
});

/** The candidates not yet tried, newest last; empties the queue. */
export function takeNonces(): string[] {
  const taken = queue;
  queue = [];
  return taken;
}

/** Calls back whenever a candidate arrives; returns the unsubscribe. */
export function onNonce(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}
