import { defineConfig } from 'wxt';
import { crmHostMatches } from './lib/crm/host-matches';

// Manifest and build settings. Host permissions are only the supported CRM
// hosts; a custom adapter's hosts are requested at run time (optional_host_permissions).
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  outDir: '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'scripting', 'tabs', 'notifications'],
    host_permissions: crmHostMatches,
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    web_accessible_resources: [
      { resources: ['sidebar.html'], matches: browser === 'firefox' ? ['<all_urls>'] : ['https://*/*', 'http://*/*'] },
    ],
    action: { default_title: 'Baton' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'baton@baton.dev', strict_min_version: '121.0' } } }
      : {}),
  }),
});
