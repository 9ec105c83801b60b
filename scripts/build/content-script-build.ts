// Build settings for the content script alone, the one bundle every CRM page
// loads (issue 14: ≤ 30 KB gzip). Applied from wxt.config.ts's
// `vite:build:extendConfig` hook to the content-script build only; extension
// pages and the background are built as before.
import type { Plugin, InlineConfig } from 'vite';
import { resolve } from 'node:path';
import { builtinAdapters } from '../../lib/crm/adapters';
import { crmHostMatches } from '../../lib/crm/host-matches';

const ADAPTER_REGISTRY = resolve(import.meta.dirname, '../../lib/crm/adapters/index.ts');
const DEFINITIONS_ID = '\0baton:builtin-adapter-definitions';
const HOST_MATCHES = resolve(import.meta.dirname, '../../lib/crm/host-matches.ts');
const HOST_MATCHES_COMPUTED = 'matchPatternsFor(builtinAdapters.flatMap((a) => a.hosts))';

/**
 * The content script imports the built-in adapters' registry only for their
 * definitions; this serves it those definitions as data, already validated
 * and with their label locators, computed at build time from the same files.
 * The adapters' label sources, stage tables and test URLs stay out of the
 * bundle, and no page pays for parsing six definitions at start. Anything else
 * the content script imported from the registry would fail the build.
 */
function builtinDefinitionsAsData(): Plugin {
  return {
    name: 'baton:builtin-adapter-definitions',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!/adapters(\/index(\.ts)?)?$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === ADAPTER_REGISTRY ? DEFINITIONS_ID : null;
    },
    load(id) {
      return id === DEFINITIONS_ID ? `export const builtinAdapters = ${JSON.stringify(builtinAdapters)};` : null;
    },
  };
}

/**
 * The built-in hosts' match patterns (lib/crm/host-matches.ts), which the
 * content script needs to pick the sidebar page, as data computed at build
 * time from the same definitions: the code that derives them stays out of
 * the bundle. A change to that line fails the build rather than bundling it.
 */
function builtinHostMatchesAsData(): Plugin {
  return {
    name: 'baton:builtin-host-matches',
    enforce: 'pre',
    transform(code, id) {
      if (id !== HOST_MATCHES) return null;
      if (!code.includes(HOST_MATCHES_COMPUTED)) this.error(`${HOST_MATCHES} no longer computes crmHostMatches as ${HOST_MATCHES_COMPUTED}`);
      return code.replace(HOST_MATCHES_COMPUTED, JSON.stringify(crmHostMatches));
    },
  };
}

export function slimContentScript(config: InlineConfig): void {
  config.resolve = {
    ...config.resolve,
    // The browser's own promise-based API (Chrome MV3, Firefox) instead of
    // webextension-polyfill (~10 KB): the content script needs no more than
    // sendMessage, storage and getURL.
    alias: { ...(config.resolve?.alias as Record<string, string>), 'wxt/browser': '@wxt-dev/browser' },
  };
  config.plugins = [...(config.plugins ?? []), builtinDefinitionsAsData(), builtinHostMatchesAsData()];
}
