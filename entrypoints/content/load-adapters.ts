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
import { managedAdapterDocs } from '@/lib/settings/managed-adapters';
import { browser } from 'wxt/browser';

// Not through extension/storage/managed.ts: the content script needs only this key, not the whole managed schema.
const managedAdapters = () => browser.storage.managed.get('customAdapters').then((r) => managedAdapterDocs(r.customAdapters));

export async function loadAdapters(): Promise<AdapterDefinition[]> {
  // Storage unavailable (extension reloaded) or no policy: built-ins and what was read still work.
  const none = () => [];
  const [saved, teamCurrency, managed] = await Promise.all([readStored(CUSTOM_ADAPTERS).catch(none), readStored(TEAM_CURRENCY).catch(() => null), managedAdapters().catch(none)]);
  const extra: AdapterDefinition[] = [];
  // Managed first: the first adapter matching a page reads it, so a managed one wins (adapterDocsInForce's rule, in fewer bytes).
  for (const doc of [...managed, ...saved]) {
    const parsed = parseAdapterDefinition(doc);
    if (parsed.ok) extra.push(parsed.value);
  }
  return withTeamCurrency(mergeAdapters(builtinAdapters, extra), teamCurrency);
}
