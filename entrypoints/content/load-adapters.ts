// Adapter definitions are data: the built-ins, overridden or extended by
// definitions stored in extension storage (an admin's custom adapter, or a newer
// definition shipped by team policy) without a new extension release; the
// team's currency (when set) settles shared currency signs for all of them.
// Definitions the organization ships by policy win over saved ones (same id).
import { readStored } from '@/extension/messaging/storage';
import { CUSTOM_ADAPTERS, TEAM_CURRENCY } from '@/extension/messaging/storage-keys';
import type { AdapterDefinition } from '@/lib/crm/adapter-schema';
import { parseAdapterDefinition } from '@/lib/crm/adapter-schema';
import { builtinAdapters } from '@/lib/crm/adapters';
import { mergeAdapters } from '@/lib/crm/merge-adapters';
import { withTeamCurrency } from '@/lib/crm/team-currency';
import { adapterDocsInForce, parseManagedAdapters } from '@/lib/settings/managed-adapters';
import { readManaged } from '@/extension/storage/managed';

export async function loadAdapters(): Promise<AdapterDefinition[]> {
  let stored: unknown[] = [];
  let teamCurrency: string | null = null;
  try {
    const [saved, currency, managed] = await Promise.all([readStored(CUSTOM_ADAPTERS), readStored(TEAM_CURRENCY), readManaged()]);
    stored = adapterDocsInForce(parseManagedAdapters(managed.config.customAdapters).definitions, saved);
    teamCurrency = currency;
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
