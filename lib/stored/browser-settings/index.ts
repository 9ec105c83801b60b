// The registry of settings kept in extension storage (storage.local) and the
// numbered migrations of each one's shape. A change to a stored setting's
// shape adds the next numbered file here (NNN-what.ts, NNN its target
// version) to that setting's list, with an example of the shape it reads in
// test/fixtures/stored/. Settings are migrated when read and written back
// (extension/messaging/storage.ts). storage.session needs none: the browser
// empties it when the extension is updated.
import type { SettingMigration } from '../browser-setting';
import { carriesVersion } from './002-carries-version';
import { customAdapterUrls } from './002-custom-adapter-urls';
import { sidebarLayoutModes } from './002-sidebar-layout-modes';

export const BROWSER_SETTING_MIGRATIONS = {
  /** the sidebar's width, collapsed state and push/overlay per CRM */
  sidebarLayout: [sidebarLayoutModes],
  /** the UI language the person picked */
  uiLocale: [carriesVersion],
  /** custom adapter definitions as the admin saved them */
  customAdapters: [customAdapterUrls],
  /** the team's currency, copied from the engagement policy after each sync */
  teamCurrency: [carriesVersion],
  /** the sync line's state, written by the background */
  syncStatus: [carriesVersion],
  /** the currency tables built from the browser's Intl data, kept for later pages */
  currencyTables: [carriesVersion],
} as const satisfies Record<string, readonly SettingMigration[]>;

export type BrowserSetting = keyof typeof BROWSER_SETTING_MIGRATIONS;
