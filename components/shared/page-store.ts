// One copy of a value per page, shared by every component that shows it
// (separate hook states could disagree for a moment: the options page once
// showed a rep the signed-out adapter editor while its header already named
// the rep). `start` reads and watches the source once, on first use.
import { useSyncExternalStore } from 'react';

/** A hook for the value `start` publishes; null until the first publish. */
export function pageStore<T>(start: (publish: (next: T, onlyIfFirst?: boolean) => void) => void): () => T | null {
  let current: T | null = null;
  let started = false;
  const listeners = new Set<() => void>();
  const publish = (next: T, onlyIfFirst = false) => {
    if (onlyIfFirst && current !== null) return;
    current = next;
    for (const l of listeners) l();
  };
  const subscribe = (l: () => void) => {
    if (!started) {
      started = true;
      start(publish);
    }
    listeners.add(l);
    return () => listeners.delete(l);
  };
  return () => useSyncExternalStore(subscribe, () => current);
}
