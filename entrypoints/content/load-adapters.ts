// Adapter definitions are data: the built-ins, overridden or extended by
// definitions stored in extension storage (an admin's custom adapter, or a newer
// definition shipped by team policy) without a new extension release; the
// team's currency (when set) settles shared currency signs for all of them.
import { browser } from 'wxt/browser';
import type { AdapterDefinition } from '@/lib/crm/adapter-schema';
import { parseAdapterDefinition } from '@/lib/crm/adapter-schema';
import { builtinAdapters } from '@/lib/crm/adapters';
import { ADAPTER_STORE_KEY, mergeAdapters } from '@/lib/crm/merge-adapters';
import { parseTeamCurrency, TEAM_CURRENCY_KEY, withTeamCurrency } from '@/lib/crm/team-currency';

export async function loadAdapters(): Promise<AdapterDefinition[]> {
  let stored: unknown[] = [];
  let teamCurrency: string | null = null;
  try {
    const got = await browser.storage.local.get([ADAPTER_STORE_KEY, TEAM_CURRENCY_KEY]);
    const raw = got[ADAPTER_STORE_KEY];
    if (Array.isArray(raw)) stored = raw;
    teamCurrency = parseTeamCurrency(got[TEAM_CURRENCY_KEY]);
  } catch {
    // storage unavailable (extension reloaded): built-ins still work
  }
  const extra: AdapterDefinition[] = [];
  for (const doc of stored) {
    const parsed = parseAdapterDefinition(doc);
    if (parsed.ok) extra.push(parsed.value);
  }
  return withTeamCurrency(mergeAdapters(builtinAdapters, extra), teamCurrency);
}
