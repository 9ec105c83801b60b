// Every extension-storage key Baton reads, with the zod schema of its value
// and what a reader gets when the value is absent or does not fit (a value
// written by an older build, or damaged). Read and written only through
// storage.ts, so no reader casts a stored value.
// IndexedDB (the meta table) is not here: extension/db/database.ts types it.
// zod "mini", as every schema the content script imports (issue 14's bundle budget).
import * as z from 'zod/mini';
import { ADAPTER_STORE_KEY } from '@/lib/crm/merge-adapters';
import { TEAM_CURRENCY_KEY, teamCurrencySchema } from '@/lib/crm/team-currency';
import { LOCALES } from '@/lib/i18n/locale';
import { DEFAULT_LAYOUT, LAYOUT_KEY, sidebarLayoutSchema } from '@/lib/sidebar/layout';
import { tabDealStateSchema } from './content-messages';
import { initialSyncStatus, SYNC_STATUS_KEY, syncStatusSchema } from './sync-status';

/** One key: its storage area, name, schema and the value read when absent or unfit. */
export interface StoredItem<T> {
  area: 'local' | 'session';
  key: string;
  schema: z.core.$ZodType<T>;
  fallback: T;
}

const item = <T>(area: StoredItem<T>['area'], key: string, schema: z.core.$ZodType<T>, fallback: T): StoredItem<T> => ({ area, key, schema, fallback });

// storage.local: readable by every extension context, the content script included. Nothing secret.

/** The sync line's state, written by the background (extension/sync). */
export const SYNC_STATUS = item('local', SYNC_STATUS_KEY, syncStatusSchema, initialSyncStatus);
/** The sidebar's layout (collapsed, width, push/overlay per CRM): the content script sizes the iframe from it. */
export const SIDEBAR_LAYOUT = item('local', LAYOUT_KEY, sidebarLayoutSchema, DEFAULT_LAYOUT);
/** The UI language the person picked; null: the browser's. */
export const UI_LOCALE = item('local', 'uiLocale', z.nullable(z.enum(LOCALES)), null);
/** Custom adapter definitions as the admin saved them; each is checked with the adapter schema where it is used. */
export const CUSTOM_ADAPTERS = item('local', ADAPTER_STORE_KEY, z.array(z.unknown()), []);
/** The team's currency (ISO 4217), written after each sync; null: the team has none. */
export const TEAM_CURRENCY = item('local', TEAM_CURRENCY_KEY, teamCurrencySchema, null);

// storage.session: the background's own state across service-worker restarts; content scripts cannot read it.

/** A tab's deal report and the top document that made it (documentId: Chromium ≥ 106). */
export const storedDealSchema = z.object({ state: tabDealStateSchema, documentId: z.optional(z.string()) });
export type StoredDeal = z.infer<typeof storedDealSchema>;
export const tabDeal = (tabId: number) => item('session', `tabDeal:${tabId}`, z.nullable(storedDealSchema), null);

/** A one-time nonce issued to a tab's content script (frame-gate.background.ts); `expires`: ms since epoch. */
export const nonceGrantSchema = z.object({ tabId: z.number(), documentId: z.optional(z.string()), origin: z.string(), expires: z.number() });
export type NonceGrant = z.infer<typeof nonceGrantSchema>;
export const NONCE_PREFIX = 'frameNonce:';
export const frameNonce = (nonce: string) => item('session', `${NONCE_PREFIX}${nonce}`, z.nullable(nonceGrantSchema), null);

/** A proven sidebar frame: which tab and frame, and the top document it belongs to. */
export const frameProofSchema = z.object({ tabId: z.number(), frameId: z.number(), documentId: z.optional(z.string()), topDocumentId: z.optional(z.string()), origin: z.string() });
export type FrameProof = z.infer<typeof frameProofSchema>;
export const PROOF_PREFIX = 'frameProof:';
export const frameProof = (tabId: number) => item('session', `${PROOF_PREFIX}${tabId}`, z.nullable(frameProofSchema), null);
