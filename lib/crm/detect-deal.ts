// URL → which adapter applies and the deal's identity, or null for any page that
// is not a deal record (list views, contacts, settings, other objects).
import type { AdapterDefinition } from './adapter-schema';
import { matchHost } from './match-host';
import type { CrmId, DealIdentity } from './types';

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** Dynamics writes ids with or without braces, in either case. */
function normaliseId(id: string): string {
  const m = GUID.exec(id);
  return m?.[1] ? m[1].toLowerCase() : id;
}

function urlPart(url: URL, part: AdapterDefinition['url']['part']): string {
  switch (part) {
    case 'path':
      return url.pathname;
    case 'pathQuery':
      return url.pathname + url.search;
    case 'hash':
      return url.hash;
    case 'href':
      return url.href;
  }
}

export function detectDeal(href: string, adapters: AdapterDefinition[]): { adapter: AdapterDefinition; identity: DealIdentity } | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  for (const adapter of adapters) {
    if (!adapter.hosts.some((h) => matchHost(h, url.hostname))) continue;
    const u = adapter.url;
    const m = new RegExp(u.pattern).exec(urlPart(url, u.part));
    if (!m) continue;
    if (u.query && !Object.entries(u.query).every(([k, v]) => (url.searchParams.get(k) ?? '').toLowerCase() === v.toLowerCase())) continue;
    const raw = u.recordIdParam ? url.searchParams.get(u.recordIdParam) : m.groups?.recordId;
    if (!raw) continue;
    const recordId = normaliseId(decodeURIComponent(raw));
    const tenant = (u.tenantFrom === 'pattern' && m.groups?.tenant) || url.hostname.toLowerCase();
    return { adapter, identity: { crm: adapter.id as CrmId, tenant, recordId } };
  }
  return null;
}
