// PGlite allows one process per data directory: a second one (an admin command
// beside `serve` or `npm start`, or a second server) reports success while its
// writes are lost and the directory is damaged. Every opener checks first.
import { serverHolds } from '../backup/backup-socket';
import { SetupError } from './setup-error';

/** Throws SetupError('data') when a Baton server is running on the embedded database in `dataDir`. */
export async function ensureDataDirFree(dataDir: string): Promise<void> {
  if (!(await serverHolds(dataDir))) return;
  throw new SetupError(
    'data',
    `a Baton server is running on the embedded database in ${dataDir}, and only one process may open it (a second one's changes would be lost and the directory damaged). Stop that server (Ctrl-C or SIGTERM) and try again, make the change through the server's API or the options page, or use another directory (--data DIR).`,
  );
}
