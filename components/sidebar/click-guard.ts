// Clicks on a hidden or covered sidebar do nothing (issue 18: a page could make
// its own content sit over Baton's frame, or make the frame transparent, and
// trick the rep into clicking inside it). IntersectionObserver v2
// (trackVisibility, Chromium) says whether the frame is really visible — not
// covered, not transparent, not filtered or transformed — taking the embedding
// page into account; while it is not, pointer events are swallowed before
// React sees them. Where the browser has no v2, the confirmation step
// (ConfirmAction) is the guard.
import { useEffect, useState } from 'react';

const supported = typeof IntersectionObserver !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
/** null until the first observation (clicks wait for it) */
let visible: boolean | null = supported ? null : true;
const listeners = new Set<(covered: boolean) => void>();

const POINTER_EVENTS = ['click', 'dblclick', 'auxclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend', 'contextmenu'];

/** Starts watching the frame's visibility and swallowing clicks while it is not visible. */
export function startClickGuard(): void {
  if (!supported) return;
  const io = new IntersectionObserver(
    (entries) => {
      const last = entries[entries.length - 1] as IntersectionObserverEntry & { isVisible: boolean };
      visible = last.isVisible;
      for (const cb of listeners) cb(!visible);
    },
    // delay: the minimum trackVisibility allows (ms between notifications).
    { threshold: [0, 1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  io.observe(document.documentElement);
  const swallow = (e: Event) => {
    if (visible === true) return;
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  for (const type of POINTER_EVENTS) window.addEventListener(type, swallow, { capture: true });
}

/** True while the browser reports the frame covered or transparent. */
export function useFrameCovered(): boolean {
  const [covered, setCovered] = useState(visible === false);
  useEffect(() => {
    listeners.add(setCovered);
    return () => void listeners.delete(setCovered);
  }, []);
  return covered;
}
