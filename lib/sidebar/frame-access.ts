// Where Baton's sidebar frame may load and what its pages may run (issue 18,
// docs/threat-model.md). Pure data: read by wxt.config.ts to write the
// manifest, and by the content script to pick the frame's path.
import { crmHostMatches, matchPatternCovers } from '../crm/host-matches';

/**
 * The sidebar page for hosts of custom adapters. Manifest V3 cannot add hosts
 * to web_accessible_resources at run time, and a custom adapter's hosts are
 * granted at run time, so this copy must be loadable from any web origin; the
 * built-in CRM hosts use `sidebar.html`, loadable from those hosts only. Both
 * are useless without the one-time nonce Baton's content script hands to its
 * own frame (extension/messaging/frame-gate.background.ts).
 */
export const CUSTOM_HOST_SIDEBAR_PATH = 'custom-host/sidebar.html';

/** No inline script, no eval, no plugins, no <base> or form hijacking on extension pages. */
export const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Paths of the sidebar page (built-in hosts, custom hosts), from the extension's root. */
export const SIDEBAR_PAGES = ['/sidebar.html', `/${CUSTOM_HOST_SIDEBAR_PATH}`] as const;

/** True when `url` is one of the sidebar pages under `extensionRoot` (runtime.getURL('/')). */
export function isSidebarPage(url: string | undefined, extensionRoot: string): boolean {
  if (!url?.startsWith(extensionRoot)) return false;
  const path = new URL(url).pathname;
  return SIDEBAR_PAGES.some((p) => p === path);
}

interface WebAccessibleResource {
  resources: string[];
  matches: string[];
  use_dynamic_url?: boolean;
}

/**
 * The manifest's web_accessible_resources: only the sidebar page (never the
 * popup or options), at a per-session dynamic URL on Chromium (Firefox already
 * uses a random per-install UUID and has no use_dynamic_url).
 */
export function webAccessibleResources(browser: string): WebAccessibleResource[] {
  const dynamic = browser === 'firefox' ? {} : { use_dynamic_url: true };
  return [
    { resources: ['sidebar.html'], matches: crmHostMatches, ...dynamic },
    { resources: [CUSTOM_HOST_SIDEBAR_PATH], matches: ['https://*/*', 'http://*/*'], ...dynamic },
  ];
}

/** True when a page URL is on a built-in CRM host (covered by the manifest's match patterns). */
export function onBuiltInCrmHost(url: string): boolean {
  return crmHostMatches.some((p) => matchPatternCovers(p, url));
}
