// DATABASE_URL in libpq's multi-host form, which node-postgres does not read:
//   postgres://user:secret@10.0.0.1:5432,10.0.0.2:5432/baton?target_session_attrs=read-write
// Each host is tried in order (libpq's rule); target_session_attrs says which
// one may serve the connection.
// Source: PostgreSQL 15 docs, libpq §34.1.1.3 "Specifying Multiple Hosts" and
// §34.1.2 target_session_attrs.
import { SetupError } from '../setup/setup-error';

/** The values a writing server can use. libpq's read-only, standby and prefer-standby would send writes to a standby. */
export const SESSION_ATTRS = ['any', 'read-write', 'primary'] as const;
export type SessionAttrs = (typeof SESSION_ATTRS)[number];

export interface DatabaseTarget {
  /** one single-host URL per listed host, in the listed order; same user, password, database and parameters */
  hosts: { label: string; url: string }[];
  /** which host may serve a connection: any; read-write (transaction_read_only off); primary (not in recovery) */
  sessionAttrs: SessionAttrs;
}

const URL_PARTS = /^(postgres(?:ql)?:\/\/)([^@/?#]*@)?([^/?#]*)(.*)$/i;

/**
 * Splits a PostgreSQL URL naming one or more hosts ("h1:5432,h2:5433", IPv6 in brackets;
 * a host without a port uses 5432) into one URL per host, and reads target_session_attrs
 * (default any). A single host is kept as written. Throws SetupError naming the wrong part.
 */
export function parseDatabaseUrl(databaseUrl: string): DatabaseTarget {
  const m = URL_PARTS.exec(databaseUrl);
  if (!m) throw new SetupError('database-url', 'DATABASE_URL must start with postgres:// or postgresql://');
  const [, scheme, auth = '', hostList, rest = ''] = m as unknown as [string, string, string | undefined, string, string | undefined];
  const queryAt = rest.indexOf('?');
  const path = queryAt < 0 ? rest : rest.slice(0, queryAt);
  const params = new URLSearchParams(queryAt < 0 ? '' : rest.slice(queryAt + 1));
  const attrs = params.get('target_session_attrs') ?? 'any';
  if (!(SESSION_ATTRS as readonly string[]).includes(attrs)) {
    throw new SetupError('database-url', `DATABASE_URL: target_session_attrs=${attrs} is not supported; use one of ${SESSION_ATTRS.join(', ')} (the server writes)`);
  }
  // The parameter is ours to act on; node-postgres would not know it. Other parameters pass as written.
  let query = queryAt < 0 ? '' : rest.slice(queryAt);
  if (params.has('target_session_attrs')) {
    params.delete('target_session_attrs');
    query = params.size ? `?${params.toString()}` : '';
  }
  // One host (or none: a Unix socket given by ?host=) passes through as written.
  if (!hostList.includes(',')) return { hosts: [{ label: hostList || 'default', url: `${scheme}${auth}${hostList}${path}${query}` }], sessionAttrs: attrs as SessionAttrs };
  const hosts = hostList.split(',').map((h) => {
    const label = /:\d+$/.test(h) ? h : `${h}:5432`;
    if (!/^(\[[0-9a-f:.]+\]|[^:[\]]+):\d+$/i.test(label)) throw new SetupError('database-url', `DATABASE_URL: "${h}" is not a host or host:port`);
    return { label, url: `${scheme}${auth}${label}${path}${query}` };
  });
  return { hosts, sessionAttrs: attrs as SessionAttrs };
}
