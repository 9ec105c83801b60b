import type { AdapterDefinition } from './adapter-schema';

/** Storage key of admin/team adapter definitions (extension storage, not secret). */
export const ADAPTER_STORE_KEY = 'adapterDefinitions';

/**
 * Stored definitions replace a built-in with the same id (a fix shipped as data)
 * and come first otherwise, so a custom adapter wins over a built-in that
 * happens to match the same host.
 */
export function mergeAdapters(builtins: AdapterDefinition[], stored: AdapterDefinition[]): AdapterDefinition[] {
  const ids = new Set(stored.map((a) => a.id));
  return [...stored, ...builtins.filter((b) => !ids.has(b.id))];
}
