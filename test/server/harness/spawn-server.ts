// The server as its own process (`server/cli.ts serve`, as in production) on
// PostgreSQL, for drills that kill it and benchmarks that measure its memory.
import { spawn, type ChildProcess } from 'node:child_process';

export function spawnServer(databaseUrl: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'serve', '--port', String(port)], {
    // One process unless asked (BATON_WORKERS): the test machine's cores are shared.
    env: { ...process.env, DATABASE_URL: databaseUrl, BATON_WORKERS: '1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((ok, fail) => {
    const t = setTimeout(() => fail(new Error('server did not start')), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('Baton server on')) {
        clearTimeout(t);
        ok(child);
      }
    });
    child.on('exit', (code) => fail(new Error(`server exited ${code}`)));
  });
}
