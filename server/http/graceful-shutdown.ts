// Graceful shutdown on SIGTERM (systemd stop, a rolling deploy) or SIGINT:
// 1. readiness answers 503 so a load balancer stops sending traffic;
// 2. the listeners stop accepting; idle keep-alive connections are closed;
// 3. in-flight requests finish and their connections close;
// 4. the jobs finish the round under way (a webhook delivery) and start no other;
// 5. the database closes; the process exits 0.
// Whatever is still open after `timeoutMs` is cut and the process exits 1.
// A second signal during the drain does not cut it short: systemd's
// TimeoutStopSec (deploy/baton.service) is the hard stop.
import type { Server as HttpServer } from 'node:http';
import type { Server } from 'node:net';
import type { Database } from '../db/connect';
import type { Lifecycle } from '../health/readiness';
import type { Logger } from '../log/logger';

export interface ShutdownParts {
  /** HTTP listeners, and others (the backup socket) closed with them */
  servers: Server[];
  lifecycle: Lifecycle;
  stopJobs: () => Promise<void>;
  database: Database;
  timeoutMs: number;
  logger: Logger;
  /** called with the exit code (process.exit in production) */
  exit?: (code: number) => void;
}

const closed = (server: Server) => new Promise<void>((ok) => (server.listening ? server.close(() => ok()) : ok()));

/** Drains and closes everything once; returns the exit code. */
export async function shutDown(p: ShutdownParts, signal: string): Promise<number> {
  p.lifecycle.stopping = true;
  const t0 = Date.now();
  p.logger.info({ signal, timeoutMs: p.timeoutMs }, 'shutting down: finishing in-flight requests and jobs');
  // Keep-alive connections that go idle during the drain are closed as they do.
  const idle = setInterval(() => p.servers.forEach((s) => (s as Partial<HttpServer>).closeIdleConnections?.()), 250);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((ok) => (timer = setTimeout(() => ok('late'), p.timeoutMs)));
  const drained = Promise.all([...p.servers.map(closed), p.stopJobs()]).then(() => 'drained' as const);
  const outcome = await Promise.race([drained, late]);
  clearInterval(idle);
  clearTimeout(timer);
  if (outcome === 'late') p.servers.forEach((s) => (s as Partial<HttpServer>).closeAllConnections?.());
  await p.database.close().catch(() => undefined);
  const code = outcome === 'late' ? 1 : 0;
  p.logger[code ? 'warn' : 'info']({ ms: Date.now() - t0, outcome }, outcome === 'late' ? 'shut down after the timeout: connections cut' : 'shut down cleanly');
  return code;
}

/** Runs shutDown on the first SIGTERM or SIGINT, then exits with its code. */
export function onStopSignals(p: ShutdownParts): void {
  let started = false;
  const stop = (signal: string) => {
    if (started) return;
    started = true;
    void shutDown(p, signal).then((code) => (p.exit ?? process.exit)(code));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
