import type { SettingMigration } from '../browser-setting';

/**
 * The sidebar layout was first stored as `{collapsed, width}`; push or overlay
 * per CRM (`modes`, CRM id → 'push' | 'overlay') came later, unversioned, so a
 * version-1 layout may lack it. Version 2 always has it: none chosen is `{}`
 * (each CRM's adapter default). A value that is not an object is left for the
 * schema to judge.
 */
export const sidebarLayoutModes: SettingMigration = {
  to: 2,
  name: 'sidebar layout has modes per CRM',
  up: (layout) => (typeof layout === 'object' && layout !== null && !Array.isArray(layout) && !('modes' in layout) ? { ...layout, modes: {} } : layout),
};
