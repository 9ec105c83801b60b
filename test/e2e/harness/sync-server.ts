// The Baton server for end-to-end tests: in this process, on PGlite in memory,
// on a fixed port so it can be stopped and started again (server down drills).
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '@/server/app';
import { openDatabase, type Database } from '@/server/db/connect';
import { migrate } from '@/server/db/migrate';
import { SERVE_OPTIONS } from '../../../server/http/serve-options';

export interface TestServer {
  url: string;
  database: Database;
  start(): Promise<void>;
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestServer(port: number): Promise<TestServer> {
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database);
  const app = createApp(database.db, { requestsPerMinute: 100_000 });
  let server: ServerType | null = null;
  const start = () =>
    new Promise<void>((ok) => {
      server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1', ...SERVE_OPTIONS }, () => ok());
    });
  const stop = () =>
    new Promise<void>((ok) => {
      if (!server) return ok();
      const s = server as unknown as { close(cb: () => void): void; closeAllConnections?: () => void };
      s.closeAllConnections?.();
      s.close(() => ok());
      server = null;
    });
  await start();
  return { url: `http://127.0.0.1:${port}`, database, start, stop, close: async () => (await stop(), await database.close()) };
}
