// A bench's own PostgreSQL: a throwaway cluster holding one migrated database,
// closed and stopped however the measuring ends.
import { openDatabase, type Database } from '@/server/db/connect';
import { migrate } from '@/server/db/migrate';
import { startCluster } from '../test/server/harness/postgres-cluster';

/** Runs `measure` on a fresh migrated database `name` (pool of `poolSize` connections; its URL for other processes) and returns its result. */
export async function withBenchDatabase<T>(name: string, poolSize: number, measure: (database: Database, url: string) => Promise<T>): Promise<T> {
  const cluster = await startCluster();
  try {
    cluster.createDatabase(name);
    const url = cluster.url(name);
    const database = await openDatabase({ databaseUrl: url, poolSize });
    try {
      await migrate(database);
      return await measure(database, url);
    } finally {
      await database.close();
    }
  } finally {
    cluster.stop();
  }
}
