// An adapter's host entry, `[scheme://]host[:port]`, as intranet CRMs need it:
// plain http, single-label hosts (`suitecrm`), a port (`crm:8080`), an IP address.
import { matchHost } from './match-host';

export interface HostSpec {
  /** null: either http or https */
  scheme: 'http' | 'https' | null;
  /** lowercase host glob */
  host: string;
  /** null: any port */
  port: string | null;
}

/** null when the text is not `[http(s)://]host[:port]`. */
export function parseHostSpec(spec: string): HostSpec | null {
  const m = /^(?:(https?):\/\/)?([a-z0-9.*-]+)(?::(\d{1,5}))?\/?$/i.exec(spec.trim());
  if (!m?.[2]) return null;
  const port = m[3] !== undefined ? String(Number(m[3])) : null;
  if (port !== null && (Number(port) < 1 || Number(port) > 65535)) return null;
  return { scheme: (m[1]?.toLowerCase() as HostSpec['scheme']) ?? null, host: m[2].toLowerCase(), port };
}

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** Whether a page URL is on the host an adapter names (scheme and port too, when the entry gives them). */
export function urlMatchesHostSpec(spec: string, url: URL): boolean {
  const h = parseHostSpec(spec);
  if (!h) return false;
  if (h.scheme && url.protocol !== `${h.scheme}:`) return false;
  if (h.port && (url.port || DEFAULT_PORT[url.protocol]) !== h.port) return false;
  return matchHost(h.host, url.hostname);
}
