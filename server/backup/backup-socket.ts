// A running server on the embedded database takes backups on request through
// a Unix socket beside its data directory (<data dir>.backup.sock, mode 0600:
// only the user running the server, or root, can ask). One request a
// connection: a JSON line {"file": "/absolute/path"}; the answer is a JSON
// line {"bytes": n} or {"error": "…"}.
import { chmodSync, existsSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { Database } from '../db/connect';
import { writeDump } from './pglite-backup';

/** A request line: where to write the backup. */
const backupRequestSchema = z.object({ file: z.string() });
/** An answer line: the bytes written, or why not. */
const backupAnswerSchema = z.union([z.object({ bytes: z.number() }), z.object({ error: z.string() })]);
type BackupAnswer = z.infer<typeof backupAnswerSchema>;

/** A line of JSON parsed with `schema`; null when it is not JSON or not that shape. */
function parseLine<T>(schema: z.ZodType<T>, line: string): T | null {
  try {
    return schema.safeParse(JSON.parse(line)).data ?? null;
  } catch {
    return null;
  }
}

export const backupSocketPath = (dataDir: string) => `${resolve(dataDir)}.backup.sock`;

/**
 * Listens for backup requests for `database` (a PGlite one, or the promise of it: listening before it opens
 * keeps a backup command from opening the data directory beside a starting server) until closed.
 */
export function listenForBackups(database: Database | Promise<Database>, dataDir: string): Server {
  const path = backupSocketPath(dataDir);
  if (existsSync(path)) rmSync(path); // left by a server that did not stop cleanly: only one server may hold the data directory
  const server = createServer((socket) => {
    let line = '';
    socket.on('data', (d: Buffer) => {
      line += d.toString();
      if (!line.includes('\n')) return;
      const file = parseLine(backupRequestSchema, line)?.file;
      if (file === undefined) return void socket.end(`${JSON.stringify({ error: 'send {"file": "/absolute/path"}' })}\n`);
      Promise.resolve(database).then((d) => writeDump(d, file)).then(
        (bytes) => socket.end(`${JSON.stringify({ bytes })}\n`),
        (e: Error) => socket.end(`${JSON.stringify({ error: e.message })}\n`),
      );
    });
    socket.on('error', () => undefined);
  });
  server.listen(path, () => chmodSync(path, 0o600));
  server.on('close', () => rmSync(path, { force: true }));
  return server;
}

/**
 * Whether a server is running on the embedded database in `dataDir` (its backup
 * socket answers). PGlite allows one process per data directory: a second one
 * (an admin command beside `serve` or `npm start`) reports success while its
 * writes are lost and the directory is damaged, so commands check this first.
 */
export function serverHolds(dataDir: string): Promise<boolean> {
  const path = backupSocketPath(dataDir);
  if (!existsSync(path)) return Promise.resolve(false);
  return new Promise((ok) => {
    const socket = createConnection(path);
    socket.on('connect', () => {
      socket.destroy();
      ok(true);
    });
    socket.on('error', () => ok(false));
  });
}

/** Asks the server running on `dataDir` for a backup to `file`; null when none is running there. */
export function requestBackup(dataDir: string, file: string): Promise<BackupAnswer | null> {
  const path = backupSocketPath(dataDir);
  if (!existsSync(path)) return Promise.resolve(null);
  return new Promise((ok) => {
    const socket = createConnection(path);
    let answer = '';
    socket.on('connect', () => socket.write(`${JSON.stringify({ file: resolve(file) })}\n`));
    socket.on('data', (d: Buffer) => (answer += d.toString()));
    socket.on('end', () => ok(answer ? (parseLine(backupAnswerSchema, answer) ?? { error: 'the server answered something other than {"bytes"} or {"error"}' }) : { error: 'the server closed the connection without an answer' }));
    socket.on('error', (e: NodeJS.ErrnoException) => ok(e.code === 'ECONNREFUSED' || e.code === 'ENOENT' ? null : { error: e.message }));
  });
}
