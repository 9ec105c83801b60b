// A throwaway PostgreSQL cluster for the tests: initdb + pg_ctl from Debian's
// postgresql package, run as the `postgres` user when the tests run as root
// (PostgreSQL refuses to run as root). Listens on 127.0.0.1 at a free port.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { freePort } from '../../free-port';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function pgBin(name: string): string {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(join(base, v, 'bin', name))) return join(base, v, 'bin', name);
  }
  return name; // on PATH
}

/** Runs a PostgreSQL program (initdb, pg_ctl, pg_basebackup…); its stdout, or an Error with its stderr. */
export function runPg(program: string, args: string[]): string {
  const cmd = pgBin(program);
  const full = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(full[0] as string, full[1] as string[], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${program} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** A directory the postgres user may write (the tests may run as root). */
export function clusterDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'baton-pg-'));
  chmodSync(dir, 0o777);
  return dir;
}

/** One PostgreSQL server on a data directory in `dir` (already made by initdb or pg_basebackup). */
export interface Instance {
  port: number;
  data: string;
  /** starts it (again) on the same port, waiting until it accepts connections */
  start(): void;
  /** fast: clean shutdown; immediate: as if the machine died (no shutdown checkpoint) */
  stop(mode: 'fast' | 'immediate'): void;
  /** runs one SQL statement with psql as postgres; its output, unaligned, tuples only */
  psql(sql: string, db?: string): string;
}

/** `settings`: extra -c name=value server settings for this instance only (not written to its files). */
export async function instance(dir: string, name: string, settings: string[] = []): Promise<Instance> {
  const data = join(dir, name);
  const port = await freePort();
  const opts = [`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`, ...settings.map((s) => `-c ${s}`)].join(' ');
  return {
    port,
    data,
    start: () => void runPg('pg_ctl', ['-D', data, '-l', join(dir, `${name}.log`), '-w', '-o', opts, 'start']),
    stop: (mode) => void runPg('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']),
    psql: (sql, db = 'postgres') => execFileSync(pgBin('psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', db, '-At', '-c', sql], { encoding: 'utf8' }),
  };
}

export const initdb = (data: string) => runPg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '-N']);

export interface Cluster {
  url(db: string): string;
  createDatabase(name: string): void;
  /** stops the server, keeping its data (an outage drill) */
  pause(): void;
  /** starts it again on the same port */
  resume(): void;
  stop(): void;
}

export async function startCluster(): Promise<Cluster> {
  const dir = clusterDir();
  const pg = await instance(dir, 'data');
  initdb(pg.data);
  pg.start();
  return {
    url: (db) => `postgres://postgres@127.0.0.1:${pg.port}/${db}`,
    createDatabase: (name) => void pg.psql(`CREATE DATABASE "${name}"`),
    pause: () => pg.stop('fast'),
    resume: () => pg.start(),
    stop: () => {
      try {
        pg.stop('immediate');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
