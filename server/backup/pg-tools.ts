// PostgreSQL's own client tools (pg_dump, pg_restore) for backups: the newest
// version under /usr/lib/postgresql/*/bin (Debian keeps one per major
// version there, and pg_dump must be at least the server's version), else the
// one on PATH; missing ones are a clear setup error.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SetupError } from '../setup/setup-error';

const DEBIAN = '/usr/lib/postgresql';

/** The path of `name` (pg_dump, pg_restore); throws SetupError('backup') when there is none. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  if (existsSync(DEBIAN)) {
    for (const v of readdirSync(DEBIAN).sort((a, b) => Number(b) - Number(a))) {
      const p = join(DEBIAN, v, 'bin', name);
      if (existsSync(p)) return p;
    }
  }
  try {
    execFileSync(name, ['--version'], { stdio: 'ignore' });
    return name;
  } catch {
    throw new SetupError(
      'backup',
      `${name} was not found in ${DEBIAN}/*/bin or on PATH. A PostgreSQL backup uses PostgreSQL's own tools: install its client package (Debian/Ubuntu: apt-get install postgresql-client, at least the server's major version), or put ${name} on PATH.`,
    );
  }
}
