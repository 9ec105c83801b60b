// The server's configuration: flags over environment over a JSON file over
// defaults; every bad value named with where it came from and what to do,
// secrets never echoed; and through the real command, one message and no
// stack trace.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@/server/config/load-config';
import { SetupError } from '@/server/setup/setup-error';
import { runCli } from '../harness/run-cli';

const tmp = mkdtempSync(join(tmpdir(), 'baton-config-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};
const problem = (flags: Record<string, string>, env: Record<string, string>) => {
  try {
    loadConfig(flags, env);
  } catch (e) {
    expect(e).toBeInstanceOf(SetupError);
    return (e as Error).message;
  }
  throw new Error('no problem found');
};

describe('server configuration', () => {
  it('defaults, then a file, then the environment, then a flag', () => {
    expect(loadConfig({}, {})).toMatchObject({ port: 8787, host: '127.0.0.1', dataDir: '.baton-data/db', workers: 'auto', rateLimit: 1200, logLevel: 'info', shutdownTimeout: 30 });
    const f = file('a.json', JSON.stringify({ port: 9000, rateLimit: 50, databaseUrl: 'postgres://b@db/baton', logLevel: 'warn' }));
    expect(loadConfig({ config: f }, {})).toMatchObject({ port: 9000, rateLimit: 50, databaseUrl: 'postgres://b@db/baton', logLevel: 'warn' });
    expect(loadConfig({}, { BATON_CONFIG: f, PORT: '9100', BATON_WORKERS: '3' })).toMatchObject({ port: 9100, rateLimit: 50, workers: 3 });
    expect(loadConfig({ config: f, port: '9200', data: '/srv/db' }, { PORT: '9100' })).toMatchObject({ port: 9200, dataDir: '/srv/db' });
    expect(loadConfig({}, { PORT: '' }).port).toBe(8787); // an empty variable is unset
  });

  it('names each bad value, where it came from and what the setting is for', () => {
    const m = problem({ workers: 'many' }, { PORT: '80a', BATON_LOG_LEVEL: 'loud', BATON_RATE_LIMIT: '0' });
    expect(m).toContain('4 problems');
    expect(m).toContain('PORT is "80a": must be a whole number — the HTTP port');
    expect(m).toContain('--workers is "many"');
    expect(m).toContain('BATON_LOG_LEVEL is "loud": must be one of fatal, error, warn, info, debug, trace, silent');
    expect(m).toContain('BATON_RATE_LIMIT is "0": must be at least 1');
  });

  it('a file: unknown keys, bad JSON and a missing file are each said plainly', () => {
    const f = file('b.json', JSON.stringify({ prot: 1, port: 70_000 }));
    const m = problem({ config: f }, {});
    expect(m).toContain(`key "prot" in ${f} is not a setting; the settings are port, host`);
    expect(m).toContain(`key "port" in ${f} is 70000: must be at most 65535`);
    expect(problem({ config: file('c.json', '{"port": 1,}') }, {})).toMatch(/is not valid JSON/);
    expect(problem({ config: file('d.json', '[1]') }, {})).toContain('must hold one JSON object');
    expect(problem({ config: join(tmp, 'none.json') }, {})).toContain('it does not exist');
  });

  it('never echoes a secret', () => {
    const m = problem({}, { DATABASE_URL: 'mysql://root:hunter2-secret@db/x', BATON_METRICS_TOKEN: 'short-secret' });
    expect(m).toContain('DATABASE_URL: must be a PostgreSQL connection URL');
    expect(m).toContain('BATON_METRICS_TOKEN: must be at least 16 characters');
    expect(m).not.toContain('hunter2');
    expect(m).not.toContain('short-secret');
  });

  it('`npm run server -- serve` with a bad value: one message, no stack trace, nothing started', async () => {
    const run = await runCli(['serve', '--data', join(tmp, 'db')], { PORT: 'eighty', BATON_SHUTDOWN_TIMEOUT: '-1' });
    expect(run.code).toBe(1);
    expect(run.err).toContain('Baton cannot start: the configuration has 2 problems');
    expect(run.err).toContain('PORT is "eighty"');
    expect(run.err).toContain('BATON_SHUTDOWN_TIMEOUT is "-1"');
    expect(run.err).not.toMatch(/^\s+at /m);
    expect(run.out).not.toContain('Baton server on');
  });
});
