// Which sync server addresses the extension may send its token to
// (docs/threat-model.md, network attacker): https anywhere; plain http only
// to this computer (loopback), where no network sits between. A token sent
// over http to another host can be read and replayed by anyone on the path.

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export type ServerAddress = { ok: true; origin: string } | { ok: false; reason: 'invalid' | 'insecure' };

/** The server's origin, or why it is refused ("invalid": not an http(s) URL; "insecure": http to another host). */
export function parseServerAddress(input: string): ServerAddress {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol === 'https:') return { ok: true, origin: url.origin };
  if (url.protocol !== 'http:') return { ok: false, reason: 'invalid' };
  return LOOPBACK.has(url.hostname) ? { ok: true, origin: url.origin } : { ok: false, reason: 'insecure' };
}
