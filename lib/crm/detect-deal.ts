// URL → which adapter applies and the deal's identity, or null for any page that
// is not a deal record (list views, contacts, settings, other objects). An
// adapter may know several URL forms of the same record (a direct URL and a
// hash-routed one); each gives the same identity. When a form does not carry
// the record id, it is read from the page with the adapter's `recordId` locators.
import type { AdapterDefinition, UrlRule } from './adapter-schema';
import { urlMatchesHostSpec } from './host-spec';
import { readLocators } from './read-snapshot';
import type { DealIdentity } from './types';

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** Dynamics writes ids with or without braces, in either case. */
function normaliseId(id: string): string {
  const m = GUID.exec(id.trim());
  return m?.[1] ? m[1].toLowerCase() : id.trim();
}

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

function urlPart(url: URL, part: UrlRule['part']): string {
  switch (part) {
    case 'path':
      return url.pathname;
    case 'pathQuery':
      return url.pathname + url.search;
    case 'hash':
      return decode(url.hash);
    case 'href':
      return url.href;
  }
}

/** The URL a rule looks at: the page's, or the one carried in a hash parameter (decoded, resolved against the page). */
function ruleUrl(page: URL, rule: UrlRule): URL | null {
  if (!rule.hashUrlParam) return page;
  const inner = new URLSearchParams(page.hash.replace(/^#/, '')).get(rule.hashUrlParam);
  if (!inner) return null;
  try {
    return new URL(inner, page);
  } catch {
    return null;
  }
}

interface RuleHit {
  /** null: the rule matched but the id must come from the page */
  recordId: string | null;
  tenant: string;
}

function matchRule(page: URL, rule: UrlRule): RuleHit | null {
  const url = ruleUrl(page, rule);
  if (!url) return null;
  const m = new RegExp(rule.pattern).exec(urlPart(url, rule.part));
  if (!m) return null;
  if (rule.query && !Object.entries(rule.query).every(([k, v]) => (url.searchParams.get(k) ?? '').toLowerCase() === v.toLowerCase())) return null;
  const raw = rule.recordIdParam ? url.searchParams.get(rule.recordIdParam) : m.groups?.recordId;
  if (rule.recordIdParam && !raw) return null;
  // Tenant: the host with its port (two CRMs on one machine are two tenants).
  const tenant = (rule.tenantFrom === 'pattern' && m.groups?.tenant) || page.host.toLowerCase();
  return { recordId: raw ? normaliseId(decode(raw)) : null, tenant };
}

/**
 * A hash route is what a hash-routed app shows, whatever the path and query
 * say (`index.php?record=A#ajaxUILoc=…record%3DB` shows B): its forms go first.
 */
const hashFirst = (rules: UrlRule[]) => [...rules.filter((r) => r.hashUrlParam), ...rules.filter((r) => !r.hashUrlParam)];

/**
 * The adapter and deal identity for a page URL. `doc` is the page, for URL forms
 * whose record id is on the page; without it (or before the page shows the id)
 * such a form gives null.
 */
export function detectDeal(
  href: string,
  adapters: AdapterDefinition[],
  doc?: Document,
): { adapter: AdapterDefinition; identity: DealIdentity } | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  for (const adapter of adapters) {
    if (!adapter.hosts.some((h) => urlMatchesHostSpec(h, url))) continue;
    for (const rule of hashFirst(adapter.urls)) {
      const hit = matchRule(url, rule);
      if (!hit) continue;
      const recordId = hit.recordId ?? (doc && adapter.recordId ? readLocators(doc, adapter.recordId) : null);
      if (!recordId) continue;
      return { adapter, identity: { crm: adapter.id, tenant: hit.tenant, recordId: normaliseId(recordId) } };
    }
  }
  return null;
}

/** Whether the URL is a deal form whose record id has to be read from the page (so the caller waits for it). */
export function needsPageRecordId(href: string, adapters: AdapterDefinition[]): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  return adapters.some(
    (a) => !!a.recordId?.length && a.hosts.some((h) => urlMatchesHostSpec(h, url)) && a.urls.some((r) => matchRule(url, r)?.recordId === null),
  );
}
