// Collects the nonces posted to this frame by its parent window (frame-gate):
// Baton's content script posts one each time the frame loads. The page can
// post here too (same window), so every candidate is handed to the background,
// which accepts only the one it issued for this tab and document.
// Imported first by the sidebar entry so no message is missed.
import { FRAME_NONCE_MESSAGE, type FrameNonceMessage } from '@/lib/messaging/protocol';

const received: string[] = [];
const listeners = new Set<() => void>();

window.addEventListener('message', (e: MessageEvent<unknown>) => {
  if (e.source !== window.parent || window.parent === window) return;
  const m = e.data as Partial<FrameNonceMessage> | null;
  if (m?.type !== FRAME_NONCE_MESSAGE || typeof m.nonce !== 'string' || m.nonce.length > 128) return;
  // A page flooding candidates gains nothing; keep the queue small.
  if (received.length < 16) received.push(m.nonce);
  for (const cb of listeners) cb();
});

/** The next candidate nonce not yet tried, or null. */
export function takeNonce(): string | null {
  return received.shift() ?? null;
}

/** Calls back whenever a candidate arrives; returns the unsubscribe. */
export function onNonce(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}
