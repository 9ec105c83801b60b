// `npm run server -- <args>` as its own process (server/cli.ts), as an
// operator runs it: its exit code and output.
import { spawn } from 'node:child_process';

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

export function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const e: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, DATABASE_URL: undefined, ...env })) if (v !== undefined) e[k] = v;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { env: e, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((ok) => child.on('exit', (code) => ok({ code, out, err })));
}
