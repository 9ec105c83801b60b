import { defineConfig } from 'wxt';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crmHostMatches } from './lib/crm/host-matches';
import { slimContentScript } from './scripts/build/content-script-build';
import { CUSTOM_HOST_SIDEBAR_PATH, EXTENSION_PAGES_CSP, webAccessibleResources } from './lib/sidebar/frame-access';

// Manifest and build settings. Host permissions are only the supported CRM
// hosts; a custom adapter's hosts are requested at run time (optional_host_permissions).
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  outDir: '.output',
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'scripting', 'tabs', 'notifications', 'webNavigation'],
    host_permissions: crmHostMatches,
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    web_accessible_resources: [
      ...webAccessibleResources(browser),
      // bench build only: the sidebar benchmark's empty reference frame
      ...(mode === 'bench' ? [{ resources: ['bench-frame.html'], matches: crmHostMatches }] : []),
    ],
    // Extension pages run only their own bundled scripts: no inline script, no eval.
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    action: { default_title: 'Baton' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'baton@baton.dev', strict_min_version: '121.0' } } }
      : {}),
  }),
  hooks: {
    // The content script, loaded on every CRM page, is built slimmer (scripts/build/content-script-build.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.every((e) => e.type === 'content-script')) slimContentScript(config);
      // The bench build measures what users run: WXT sets NODE_ENV to the mode,
      // which for "bench" would select React's development build and JSX.
      if (config.mode === 'bench') {
        config.define = { ...config.define, 'process.env.NODE_ENV': '"production"' };
        config.oxc = { ...config.oxc, jsx: { ...(typeof config.oxc === 'object' && typeof config.oxc.jsx === 'object' ? config.oxc.jsx : {}), development: false } };
      }
    },
    // The benchmark's empty reference frame exists only in the bench build.
    'entrypoints:resolved': (wxt, entrypoints) => {
      if (wxt.config.mode === 'bench') return;
      const i = entrypoints.findIndex((e) => e.name === 'bench-frame');
      if (i >= 0) entrypoints.splice(i, 1);
    },
    // The sidebar for custom-adapter hosts is the same page at another path,
    // so it can have its own web_accessible_resources entry (lib/sidebar/frame-access).
    'build:done': (wxt) => {
      const out = join(wxt.config.outDir, CUSTOM_HOST_SIDEBAR_PATH);
      mkdirSync(dirname(out), { recursive: true });
      copyFileSync(join(wxt.config.outDir, 'sidebar.html'), out);
    },
  },
});
