// Graceful shutdown of the real server process (server/cli.ts serve), on
// both drivers: a push whose body is still arriving when SIGTERM comes is
// finished and answered 200 and its edit is stored; meanwhile the server
// accepts no new connection; then it exits 0.
import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@/server/db/connect';
import { migrate } from '@/server/db/migrate';
import { freePort } from '../../free-port';
import { BACKENDS, freshDatabase, type Backend } from '../harness/backends';
import { hlc, seedTeam } from '../harness/seed';
import { spawnServer } from '../harness/spawn-server';

const tmp = mkdtempSync(join(tmpdir(), 'baton-stop-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A database the spawned server can open: PostgreSQL's URL, or an embedded data directory (closed here first: one process at a time). */
async function serverDatabase(backend: Backend): Promise<{ url: string; env: Record<string, string>; reopen: () => Promise<Database>; token: string }> {
  if (backend === 'postgres') {
    const d = await freshDatabase('postgres');
    const team = await seedTeam(d, 'Stop');
    await d.close();
    return { url: d.url!, env: {}, reopen: () => openDatabase({ databaseUrl: d.url! }), token: team.tokens.rep };
  }
  const dataDir = join(tmp, 'db');
  const d = await openDatabase({ dataDir });
  await migrate(d);
  const team = await seedTeam(d, 'Stop');
  await d.close();
  return { url: '', env: { BATON_DATA_DIR: dataDir }, reopen: () => openDatabase({ dataDir }), token: team.tokens.rep };
}

const refused = (port: number) =>
  new Promise<boolean>((ok) => {
    const s = connect(port, '127.0.0.1');
    s.on('connect', () => (s.destroy(), ok(false)));
    s.on('error', () => ok(true));
  });

describe.each(BACKENDS)('graceful shutdown (%s)', (backend) => {
  it('SIGTERM with a request in flight: it is finished and stored, new connections are refused, exit 0', async () => {
    const db = await serverDatabase(backend);
    const port = await freePort();
    const server: ChildProcess = await spawnServer(db.url, port, db.env);
    let out = '';
    server.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((ok) => server.on('exit', ok));
    const body = JSON.stringify({ clientId: 'stop-probe', mutations: [{ id: 'in-flight-1', packetKey: 'hubspot:1:stop', op: { kind: 'add', list: 'followUps', item: { id: 'in-flight-1', summary: 'sent slowly' } }, hlc: hlc() }] });
    const half = Math.floor(body.length / 2);
    // Expect: 100-continue: the server's "continue" proves it holds the request before SIGTERM is sent.
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/sync/push', headers: { authorization: `Bearer ${db.token}`, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), expect: '100-continue' } });
    const answered = new Promise<{ status: number; text: string }>((ok, fail) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => ok({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', fail);
    });
    await new Promise<void>((ok) => req.on('continue', () => ok()));
    req.write(body.slice(0, half));
    server.kill('SIGTERM');
    // The listener closes while the request is still open.
    for (let t = 0; !(await refused(port)) && t < 30_000; t += 100) await new Promise((r) => setTimeout(r, 100));
    expect(await refused(port)).toBe(true);
    expect(server.exitCode).toBeNull(); // still draining: the request is not finished
    req.end(body.slice(half));
    const res = await answered;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ results: [{ id: 'in-flight-1' }] });
    expect(await exited).toBe(0);
    expect(out).toContain('shut down cleanly');
    const after = await db.reopen();
    try {
      const rows = (await after.db.execute(sql`SELECT mutation_id FROM mutations WHERE client_id = 'stop-probe'`)) as unknown as { rows: { mutation_id: string }[] };
      expect(rows.rows.map((r) => r.mutation_id)).toEqual(['in-flight-1']);
    } finally {
      await after.close();
    }
  });
});
