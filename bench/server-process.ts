// A bench's server as its own process (server/cli.ts serve, as in production)
// on a throwaway PostgreSQL cluster with one seeded team; stopped however the
// measuring ends.
import { freePort } from '../test/free-port';
import { seedTeam, type Seeded } from '../test/server/harness/seed';
import { spawnServer } from '../test/server/harness/spawn-server';
import type { Database } from '@/server/db/connect';
import { withBenchDatabase } from './bench-database';

export interface ServedBench {
  base: string;
  port: number;
  team: Seeded;
  database: Database;
}

/** Runs `measure` against a server process on a fresh migrated database `name`; `env` adds to the server's environment. */
export function withServerProcess<T>(name: string, env: Record<string, string>, measure: (s: ServedBench) => Promise<T>): Promise<T> {
  return withBenchDatabase(name, 5, async (database, url) => {
    const team = await seedTeam(database, name);
    const port = await freePort();
    const server = await spawnServer(url, port, env);
    try {
      return await measure({ base: `http://127.0.0.1:${port}`, port, team, database });
    } finally {
      server.kill('SIGTERM');
    }
  });
}
