// Match patterns for the CRM hosts Baton supports out of the box, derived from
// the built-in adapters' host globs (no second list to keep in sync). These are
// the only host permissions the extension asks for at install (manifest
// host_permissions and content_scripts.matches); hosts of a custom adapter are
// requested at run time.
import { builtinAdapters } from './adapters';

/**
 * A built-in host glob → the https match pattern that covers it.
 * "crm.zoho.eu" → "https://crm.zoho.eu/*", "*.pipedrive.com" → "https://*.pipedrive.com/*";
 * a "*" inside the first label ("app-*.hubspot.com") widens to every subdomain
 * of the rest ("https://*.hubspot.com/*"), the narrowest form a match pattern has.
 * Null for a glob no match pattern can express (e.g. "crm.zoho.*").
 */
export function hostGlobToMatchPattern(glob: string): string | null {
  const g = glob.trim().toLowerCase();
  if (/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(g)) return `https://${g}/*`;
  const partial = /^[a-z0-9-]*\*[a-z0-9-]*\.([a-z0-9-]+(?:\.[a-z0-9-]+)+)$/.exec(g);
  return partial ? `https://*.${partial[1]}/*` : null;
}

const patternHost = (pattern: string) => /^[a-z*]+:\/\/([^/]+)\//.exec(pattern)?.[1] ?? '';

/** Does a match pattern's host part ("*.force.com", "crm.zoho.eu") cover this host name? */
function hostCovered(patternHostPart: string, host: string): boolean {
  const h = host.toLowerCase();
  if (patternHostPart === '*') return true;
  if (patternHostPart.startsWith('*.')) {
    const base = patternHostPart.slice(2);
    return h === base || h.endsWith(`.${base}`);
  }
  return h === patternHostPart;
}

/** Is this URL inside the match pattern (scheme, host and path), as the browser decides? */
export function matchPatternCovers(pattern: string, href: string): boolean {
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return pattern === '<all_urls>';
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  const scheme = url.protocol.slice(0, -1);
  if (m[1] === '*' ? !['http', 'https'].includes(scheme) : m[1] !== scheme) return false;
  if (!hostCovered(m[2]!, url.hostname)) return false;
  const path = new RegExp(`^${m[3]!.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return path.test(url.pathname + url.search);
}

/**
 * The smallest list of match patterns covering every glob: duplicates and
 * patterns inside a wider one ("*.lightning.force.com" inside "*.force.com") drop out.
 * Throws on a glob no match pattern can express: a built-in adapter must be grantable.
 */
export function matchPatternsFor(globs: string[]): string[] {
  const patterns = globs.map((g) => {
    const p = hostGlobToMatchPattern(g);
    if (!p) throw new Error(`host "${g}" cannot be expressed as a match pattern`);
    return p;
  });
  const unique = [...new Set(patterns)];
  return unique.filter((p) => {
    const host = patternHost(p);
    return !unique.some((q) => q !== p && patternHost(q).startsWith('*.') && hostCovered(patternHost(q), host.replace(/^\*\./, '')));
  });
}

export const crmHostMatches: string[] = matchPatternsFor(builtinAdapters.flatMap((a) => a.hosts));
