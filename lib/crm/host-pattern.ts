// A custom adapter's hosts become the match patterns the browser asks the user
// to grant at run time and registers the content script for. Only what a match
// pattern can express is allowed: an exact host (dotted, single-label such as
// `suitecrm`, or an IPv4 address) or "*." followed by a domain. A match pattern
// has no port, so `crm:8080` asks for the host `crm` (any port); the adapter
// itself still only applies on port 8080.
import { parseHostSpec } from './host-spec';

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const EXACT = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
const WILDCARD = new RegExp(`^\\*\\.${LABEL}(?:\\.${LABEL})*$`);
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The match patterns for one host entry (`https://…/*` and `http://…/*` when no scheme is given), or null. */
export function hostMatchPatterns(spec: string): string[] | null {
  const h = parseHostSpec(spec);
  if (!h) return null;
  const ip = IPV4.exec(h.host);
  if (ip) {
    if (ip.slice(1).some((n) => Number(n) > 255)) return null;
  } else if (!EXACT.test(h.host) && !WILDCARD.test(h.host)) return null;
  const schemes = h.scheme ? [h.scheme] : ['https', 'http'];
  return schemes.map((s) => `${s}://${h.host}/*`);
}

/** Every match pattern of an adapter's hosts, without repeats, and the hosts that cannot be granted (by index). */
export function adapterOrigins(hosts: string[]): { origins: string[]; bad: { index: number; host: string }[] } {
  const origins = new Set<string>();
  const bad: { index: number; host: string }[] = [];
  hosts.forEach((host, index) => {
    const p = hostMatchPatterns(host);
    if (p) p.forEach((x) => origins.add(x));
    else bad.push({ index, host });
  });
  return { origins: [...origins], bad };
}
