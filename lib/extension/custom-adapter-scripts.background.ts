// Custom adapters name hosts the manifest does not list. Once the user grants
// them (optional host permissions), the background registers the same content
// script for those hosts, and re-registers whenever the definitions change.
import { browser } from 'wxt/browser';
import { parseAdapterDefinition } from '@/lib/crm/adapter-schema';
import { hostToMatchPattern } from '@/lib/crm/host-pattern';
import { ADAPTER_STORE_KEY } from '@/lib/crm/merge-adapters';

const SCRIPT_ID = 'baton-custom-adapters';

async function sync(): Promise<void> {
  const got = await browser.storage.local.get(ADAPTER_STORE_KEY);
  const docs = Array.isArray(got[ADAPTER_STORE_KEY]) ? (got[ADAPTER_STORE_KEY] as unknown[]) : [];
  const patterns = new Set<string>();
  for (const doc of docs) {
    const parsed = parseAdapterDefinition(doc);
    if (!parsed.ok) continue;
    for (const h of parsed.value.hosts) {
      const p = hostToMatchPattern(h);
      if (p && (await browser.permissions.contains({ origins: [p] }))) patterns.add(p);
    }
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (patterns.size) {
    await browser.scripting.registerContentScripts([
      { id: SCRIPT_ID, matches: [...patterns], js: ['content-scripts/content.js'], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
}

export function startCustomAdapterScripts(): void {
  const run = () => void sync().catch((e: unknown) => console.warn('Baton: custom adapter registration failed', e));
  run();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[ADAPTER_STORE_KEY]) run();
  });
  browser.permissions.onAdded.addListener(run);
  browser.permissions.onRemoved.addListener(run);
}
