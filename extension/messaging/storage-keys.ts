// Every extension-storage key Baton reads, with the zod schema of its value
// and what a reader gets when the value is absent or does not fit (damaged,
// or written by a newer build). Settings in storage.local carry the version
// of their shape and are migrated when read (lib/stored/browser-settings).
// Read and written only through storage.ts, so no reader casts a stored value.
// IndexedDB (the meta table) is not here: extension/db/database.ts types it.
// zod "mini", as every schema the content script imports (issue 14's bundle budget).
import * as z from 'zod/mini';
import { BROWSER_SETTING_MIGRATIONS } from '@/lib/stored/browser-settings';
import type { SettingMigration } from '@/lib/stored/browser-setting';
import { ADAPTER_STORE_KEY } from '@/lib/crm/merge-adapters';
import { currencyTablesSchema } from '@/lib/crm/currency-signs';
import { TEAM_CURRENCY_KEY, teamCurrencySchema } from '@/lib/crm/team-currency';
import { LOCALES } from '@/lib/i18n/locale';
import { DEFAULT_LAYOUT, LAYOUT_KEY, sidebarLayoutSchema } from '@/lib/sidebar/layout';
import { tabDealStateSchema } from './content-messages';
import { initialSyncStatus, SYNC_STATUS_KEY, syncStatusSchema } from './sync-status';

/** One key: its storage area, name, schema and the value read when absent or unfit; a setting (storage.local) also the migrations of its shape. */
export interface StoredItem<T> {
  area: 'local' | 'session';
  key: string;
  schema: z.core.$ZodType<T>;
  fallback: T;
  /** storage.local settings: stored as {schemaVersion, value} (lib/stored/browser-setting.ts) */
  migrations?: readonly SettingMigration[];
}

const item = <T>(area: StoredItem<T>['area'], key: string, schema: z.core.$ZodType<T>, fallback: T): StoredItem<T> => ({ area, key, schema, fallback });
const setting = <T>(migrations: readonly SettingMigration[], key: string, schema: z.core.$ZodType<T>, fallback: T): StoredItem<T> => ({ area: 'local', key, schema, fallback, migrations });
const M = BROWSER_SETTING_MIGRATIONS;

// storage.local: readable by every extension context, the content script included. Nothing secret. Every key a versioned setting.

/** The sync line's state, written by the background (extension/sync). */
export const SYNC_STATUS = setting(M.syncStatus, SYNC_STATUS_KEY, syncStatusSchema, initialSyncStatus);
/** The sidebar's layout (collapsed, width, push/overlay per CRM): the content script sizes the iframe from it. */
export const SIDEBAR_LAYOUT = setting(M.sidebarLayout, LAYOUT_KEY, sidebarLayoutSchema, DEFAULT_LAYOUT);
/** The UI language the person picked; null: the browser's. */
export const UI_LOCALE = setting(M.uiLocale, 'uiLocale', z.nullable(z.enum(LOCALES)), null);
/** Custom adapter definitions as the admin saved them; each is checked with the adapter schema where it is used. */
export const CUSTOM_ADAPTERS = setting(M.customAdapters, ADAPTER_STORE_KEY, z.array(z.unknown()), []);
/** The team's currency (ISO 4217), written after each sync; null: the team has none. */
export const TEAM_CURRENCY = setting(M.teamCurrency, TEAM_CURRENCY_KEY, teamCurrencySchema, null);
/** The currency sign and name tables a page built from the browser's Intl data, for later pages (entrypoints/content/currency-cache.ts); null: none yet. */
export const CURRENCY_TABLES = setting(M.currencyTables, 'currencyTables', z.nullable(currencyTablesSchema), null);

// storage.session: the background's own state across service-worker restarts; content scripts cannot read it.
// Unversioned: the browser empties it when the extension is updated.

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
