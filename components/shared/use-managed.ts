import { NOTHING_MANAGED, readManaged, watchManaged, type ManagedState } from '@/extension/storage/managed';
import { pageStore } from './page-store';

const useManagedState = pageStore<ManagedState>((publish) => {
  watchManaged(publish);
  void readManaged().then((state) => publish(state, true));
});

/** What the IT department set by policy (lib/settings/managed-config.ts); null until storage has answered. */
export function useManagedOrNull(): ManagedState | null {
  return useManagedState();
}

/** What the IT department set by policy; nothing until storage has answered. */
export function useManaged(): ManagedState {
  return useManagedState() ?? NOTHING_MANAGED;
}
