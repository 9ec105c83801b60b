// The managed settings (browser policy; lib/settings/managed-config.ts), read
// in any extension context, the content script included. A browser or build
// without managed storage (Firefox with no policy answers with an error) reads
// as "nothing managed".
import { browser } from 'wxt/browser';
import { parseManagedConfig, type ManagedConfig, type ManagedProblem } from '@/lib/settings/managed-config';

export interface ManagedState {
  config: ManagedConfig;
  problems: ManagedProblem[];
}

export const NOTHING_MANAGED: ManagedState = { config: {}, problems: [] };

export async function readManaged(): Promise<ManagedState> {
  try {
    return parseManagedConfig(await browser.storage.managed.get(null));
  } catch {
    return NOTHING_MANAGED;
  }
}

/** Calls back with the whole managed state whenever the policy changes; returns the unsubscribe. */
export function watchManaged(cb: (state: ManagedState) => void): () => void {
  const onChange = (_changes: unknown, area: string) => {
    if (area === 'managed') void readManaged().then(cb);
  };
  browser.storage.onChanged.addListener(onChange);
  return () => browser.storage.onChanged.removeListener(onChange);
}
