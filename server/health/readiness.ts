// Readiness: may a load balancer send this server traffic? Yes when the
// database answers (within 2 s) and has every migration this server version
// carries, and the server is not shutting down. Liveness asks nothing of the
// database: a server waiting for its database is alive and must not be
// restarted for it.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connect';
import { pendingMigrations } from '../db/migrate';

export type Readiness =
  | { ready: true }
  | { ready: false; reason: 'database_unreachable' | 'migrations_pending' | 'shutting_down'; message: string };

/** Set when SIGTERM/SIGINT starts a graceful shutdown (http/graceful-shutdown.ts). */
export interface Lifecycle {
  stopping: boolean;
}

const CHECK_MS = 2_000;

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<never>((_, no) => setTimeout(() => no(new Error(`no answer within ${ms} ms`)), ms).unref())]);
}

export async function readiness(db: Db, lifecycle: Lifecycle): Promise<Readiness> {
  if (lifecycle.stopping) return { ready: false, reason: 'shutting_down', message: 'The server is shutting down: finishing in-flight requests.' };
  try {
    await within(db.execute(sql`SELECT 1`), CHECK_MS);
  } catch {
    return { ready: false, reason: 'database_unreachable', message: 'The database does not answer.' };
  }
  let pending: string[];
  try {
    pending = await within(pendingMigrations(db), CHECK_MS);
  } catch {
    return { ready: false, reason: 'database_unreachable', message: 'The database does not answer.' };
  }
  if (pending.length) return { ready: false, reason: 'migrations_pending', message: `${pending.length} migration(s) not applied (${pending.join(', ')}): run \`npm run server -- migrate\`.` };
  return { ready: true };
}
