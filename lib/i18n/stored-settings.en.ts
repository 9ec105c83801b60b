// UI strings about settings kept in the browser that could not be read (lib/stored/browser-setting.ts), English.
export const storedSettingsEn = {
  'storedSettings.heading': 'Some saved settings could not be read',
  'storedSettings.newer': '{setting}: saved by a newer version of Baton, which this version cannot read. The default is used; your saved value is kept until you change this setting.',
  'storedSettings.unfit': '{setting}: the saved value is damaged. The default is used until you change this setting.',
  'storedSettings.sidebarLayout': 'Sidebar layout (width, collapsed, push or overlay)',
  'storedSettings.uiLocale': 'Language',
  'storedSettings.customAdapters': 'Custom CRM adapters',
} as const;
