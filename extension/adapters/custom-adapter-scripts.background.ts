// Custom adapters name hosts the manifest does not list (intranet CRMs on plain
// http, single-label hosts, ports, IP addresses). Once the user grants them
// (optional host permissions), the background registers the same content
// script for those hosts, and re-registers whenever the definitions or the
// grants change. The options page asks for a registration before it stores a
// definition, so it never reports "saved" for an adapter that will not run.
// Definitions the organization ships by policy (managed `customAdapters`) are
// registered with the saved ones and win over a saved one with the same id.
import { browser } from 'wxt/browser';
import { parseAdapterDefinition } from '@/lib/crm/adapter-schema';
import { adapterOrigins } from '@/lib/crm/host-pattern';
import { ADAPTER_STORE_KEY } from '@/lib/crm/merge-adapters';
import { onRuntimeMessages } from '@/extension/messaging/channel';
import { readStored } from '@/extension/messaging/storage';
import { CUSTOM_ADAPTERS } from '@/extension/messaging/storage-keys';
import type { RuntimeAnswer } from '@/extension/messaging/messages';
import { adapterDocsInForce, managedAdapterDocs } from '@/lib/settings/managed-adapters';
import { readManaged, watchManaged } from '../storage/managed';

const SCRIPT_ID = 'baton-custom-adapters';

/** `origins`: the match patterns the content script now runs on; `missing`: named but not granted (messages.ts). */
type RegisterAdaptersResult = RuntimeAnswer<'custom-adapters:register'>;

async function register(docs: unknown[]): Promise<RegisterAdaptersResult> {
  const granted = new Set<string>();
  const missing = new Set<string>();
  for (const doc of docs) {
    const parsed = parseAdapterDefinition(doc);
    if (!parsed.ok) continue;
    for (const p of adapterOrigins(parsed.value.hosts).origins) {
      if (await browser.permissions.contains({ origins: [p] })) granted.add(p);
      else missing.add(p);
    }
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  const origins = [...granted];
  if (origins.length) {
    await browser.scripting.registerContentScripts([
      { id: SCRIPT_ID, matches: origins, js: ['content-scripts/content.js'], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
    // Read back what the browser holds: the proof the script will run there.
    const [held] = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
    const running = new Set(held?.matches ?? []);
    const lost = origins.filter((o) => !running.has(o));
    if (lost.length) return { ok: false, error: lost.join(', ') };
  }
  return { ok: true, origins, missing: [...missing] };
}

// One registration at a time: unregister + register from two triggers at once
// would fail with a duplicate script id.
let queue: Promise<unknown> = Promise.resolve();
function serial(docs: () => Promise<unknown[]>): Promise<RegisterAdaptersResult> {
  const next = queue.then(async () => {
    try {
      return await register(await docs());
    } catch (e) {
      return { ok: false as const, error: e instanceof Error ? e.message : String(e) };
    }
  });
  queue = next;
  return next;
}

/** The managed definitions first, then the saved ones they do not lock. */
async function inForce(saved: unknown[]): Promise<unknown[]> {
  return adapterDocsInForce(managedAdapterDocs((await readManaged()).config.customAdapters), saved);
}
const storedDocs = async () => inForce(await readStored(CUSTOM_ADAPTERS));

export function startCustomAdapterScripts(): void {
  const run = () =>
    void serial(storedDocs).then((r) => {
      if (!r.ok) console.warn('Baton: custom adapter registration failed', r.error);
    });
  run();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[ADAPTER_STORE_KEY]) run();
  });
  watchManaged(run);
  browser.permissions.onAdded.addListener(run);
  browser.permissions.onRemoved.addListener(run);
  // Only extension pages (the options page) may change registrations: the map's sender check.
  onRuntimeMessages({ 'custom-adapters:register': (m) => serial(() => inForce(m.docs)) });
}
