// Backup and restore of the embedded database (PGlite). A backup is PGlite's
// own dump of its data directory (tar.gz), taken after a CHECKPOINT between
// two queries — a consistent copy, as a crash-safe snapshot of PostgreSQL's
// files is. While a server runs on the data directory only it may read it
// (PGlite is one process's database), so the backup command asks it through
// a local socket beside the data directory (./backup-socket.ts).
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Database } from '../db/connect';
import { openDatabase } from '../db/connect';
import { SetupError } from '../setup/setup-error';

/** Writes the dump to `file` (whole or not at all: a temporary file renamed); returns its size in bytes. */
export async function writeDump(database: Database, file: string): Promise<number> {
  if (!database.dumpDataDir) throw new SetupError('backup', 'this database is not the embedded one.');
  const bytes = Buffer.from(await (await database.dumpDataDir()).arrayBuffer());
  const tmp = `${file}.partial`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
  return bytes.length;
}

/** Restores a dump into `dataDir`, which must be new (missing or empty). */
export async function restorePglite(file: string, dataDir: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length)
    throw new SetupError('backup', `the data directory ${dataDir} is not empty. Restore into a new one: npm run server -- restore FILE --data NEW_DIR (or BATON_DATA_DIR=NEW_DIR), then point the server at it.`);
  const bytes = readFileSync(file);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b)
    throw new SetupError('backup', `${file} is not a backup of the embedded database (a .tar.gz from \`npm run server -- backup\` without DATABASE_URL). A PostgreSQL backup is restored with DATABASE_URL set.`);
  const database = await openDatabase({ dataDir, loadDataDir: new Blob([bytes]) });
  await database.close();
}
