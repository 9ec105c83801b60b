// Several server processes on one machine (node:cluster): the workers share
// the port, each with its own connection pool; the server keeps no state of
// its own, so they behave as one (as several machines on one PostgreSQL do).
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';

/** `--workers N` / BATON_WORKERS: a number, or "auto" for one per core. PGlite is one process's database: always 1 there. */
export function workerCount(setting: string | undefined, shared: boolean): number {
  if (!shared) return 1;
  if (setting === undefined || setting === '' || setting === 'auto') return availableParallelism();
  const n = Number(setting);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/**
 * Runs `start` here when n is 1, else in n workers. The primary only watches:
 * SIGINT/SIGTERM stop every worker; it exits when the last one has. A worker
 * whose primary is gone (killed) exits too, so nothing keeps the port.
 */
export function runInWorkers(n: number, start: () => void): void {
  if (n <= 1) return start();
  if (!cluster.isPrimary) {
    process.on('disconnect', () => process.exit(0));
    return start();
  }
  for (let i = 0; i < n; i++) cluster.fork();
  cluster.on('exit', (_w, code) => {
    if (!Object.keys(cluster.workers ?? {}).length) process.exit(code ?? 0);
  });
  const stop = () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** True in a process that forks workers (or serves alone). */
export const isPrimaryProcess = () => cluster.isPrimary;
