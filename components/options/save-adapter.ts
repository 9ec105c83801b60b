// Saving a custom adapter: ask the browser for its hosts, have the background
// register the content script there, and store the definition only when the
// script will run. Returns the exact origins granted, or why nothing was saved.
import { browser } from 'wxt/browser';
import type { AdapterDefinition } from '@/lib/crm/adapter-schema';
import { adapterOrigins } from '@/lib/crm/host-pattern';
import { sendRuntime } from '@/extension/messaging/channel';
import { readStored, writeStored } from '@/extension/messaging/storage';
import { CUSTOM_ADAPTERS } from '@/extension/messaging/storage-keys';

/** A stored definition's id, if it has one (stored definitions are checked where they are used). */
const idOf = (doc: unknown) => (typeof doc === 'object' && doc !== null && 'id' in doc ? doc.id : undefined);

export type SaveOutcome =
  | { ok: true; origins: string[] }
  | { ok: false; reason: 'denied' | 'nothing-granted' }
  | { ok: false; reason: 'register-failed'; detail: string };

export async function saveAdapter(def: AdapterDefinition): Promise<SaveOutcome> {
  const { origins } = adapterOrigins(def.hosts);
  let granted: boolean;
  try {
    granted = await browser.permissions.request({ origins });
  } catch (e) {
    return { ok: false, reason: 'register-failed', detail: e instanceof Error ? e.message : String(e) };
  }
  if (!granted) return { ok: false, reason: 'denied' };
  const others = (await readStored(CUSTOM_ADAPTERS)).filter((d) => idOf(d) !== def.id);
  const docs = [def, ...others];
  const res = await sendRuntime({ type: 'custom-adapters:register', docs }).catch((e: unknown) => ({
    ok: false as const,
    error: e instanceof Error ? e.message : String(e),
  }));
  if (!res.ok) return { ok: false, reason: 'register-failed', detail: res.error };
  const running = origins.filter((o) => res.origins.includes(o));
  // Built-in hosts are in the manifest: an override of a built-in runs without a registration.
  if (!running.length && !def.id.startsWith('custom:')) return store(docs, origins);
  if (!running.length) return { ok: false, reason: 'nothing-granted' };
  return store(docs, running);
}

async function store(docs: unknown[], origins: string[]): Promise<SaveOutcome> {
  await writeStored(CUSTOM_ADAPTERS, docs);
  return { ok: true, origins };
}

/** The match patterns of these hosts the browser has granted right now. */
export async function grantedOrigins(hosts: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const o of adapterOrigins(hosts).origins) if (await browser.permissions.contains({ origins: [o] })) out.push(o);
  return out;
}
