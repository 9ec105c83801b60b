import type { SettingMigration } from '../browser-setting';

/**
 * Version 1 is a setting stored bare, before settings carried a version; the
 * value's shape did not change. Version 2 is the same value stored with its
 * version (lib/stored/browser-setting.ts).
 */
export const carriesVersion: SettingMigration = {
  to: 2,
  name: 'settings carry schemaVersion',
  up: (value) => value,
};
