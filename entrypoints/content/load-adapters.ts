// Adapter definitions are data: the built-ins, overridden or extended by
// definitions stored in extension storage (an admin's custom adapter, or a newer
// definition shipped by team policy) without a new extension release.
import { browser } from 'wxt/browser';
import type { AdapterDefinition } from '@/lib/crm/adapter-schema';
import { parseAdapterDefinition } from '@/lib/crm/adapter-schema';
import { builtinAdapters } from '@/lib/crm/adapters';
import { ADAPTER_STORE_KEY, mergeAdapters } from '@/lib/crm/merge-adapters';

export async function loadAdapters(): Promise<AdapterDefinition[]> {
  let stored: unknown[] = [];
  try {
    const got = await browser.storage.local.get(ADAPTER_STORE_KEY);
    const raw = got[ADAPTER_STORE_KEY];
    if (Array.isArray(raw)) stored = raw;
  } catch {
    // storage unavailable (extension reloaded): built-ins still work
  }
  const extra: AdapterDefinition[] = [];
  for (const doc of stored) {
    const parsed = parseAdapterDefinition(doc);
    if (parsed.ok) extra.push(parsed.value);
  }
  return mergeAdapters(builtinAdapters, extra);
}
