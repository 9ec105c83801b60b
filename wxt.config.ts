import { defineConfig } from 'wxt';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crmHostMatches } from './lib/crm/host-matches';
import { slimContentScript } from './scripts/build/content-script-build';
import { EXTENSION_PUBLIC_KEY } from './scripts/build/extension-key';
import { CHROME_MANAGED_SCHEMA } from './lib/settings/managed-config';
import { CUSTOM_HOST_SIDEBAR_PATH, EXTENSION_PAGES_CSP, webAccessibleResources } from './lib/sidebar/frame-access';

// Manifest and build settings. Host permissions are only the supported CRM
// hosts; a custom adapter's hosts are requested at run time (optional_host_permissions).
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // npm run package builds into its own folder, so a store build never replaces the one tests load.
  outDir: process.env.BATON_OUT_DIR ?? '.output',
  // Firefox AMO reviewers rebuild from these sources (scripts/package.ts); tests and benchmarks are not needed for that.
  zip: { excludeSources: ['test/**', 'bench/**', 'docs/*.png', '.ci/**'] },
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // identity: the company-account sign-in window (browser.identity.launchWebAuthFlow)
    permissions: ['storage', 'alarms', 'scripting', 'tabs', 'notifications', 'webNavigation', 'identity'],
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
      : {
          // Chromium: the same id in every build (scripts/build/extension-key.ts), left out of
          // store packages (BATON_STORE_PACKAGE=1: a store assigns its own id and refuses "key").
          ...(process.env.BATON_STORE_PACKAGE ? {} : { key: process.env.BATON_EXTENSION_KEY ?? EXTENSION_PUBLIC_KEY }),
          // What an IT department may set by policy (lib/settings/managed-config.ts).
          storage: { managed_schema: 'managed_schema.json' },
        }),
  }),
  hooks: {
    // The policy schema Chromium checks managed settings against, written from its one source.
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser !== 'firefox') files.push({ relativeDest: 'managed_schema.json', contents: JSON.stringify(CHROME_MANAGED_SCHEMA, null, 2) });
    },
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
