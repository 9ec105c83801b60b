// The data directory (the embedded PostgreSQL's files): made if missing and
// tried with a real write before the database opens, so a directory Baton
// cannot use is named with the reason and what to do — not PGlite's
// ErrnoError or a page of minified source.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SetupError } from './setup-error';

const WHY: Record<string, string> = {
  EACCES: 'permission denied: this user may not write there',
  EPERM: 'permission denied: this user may not write there',
  EROFS: 'it is on a read-only file system',
  ENOTDIR: 'it is not a directory (a file is in the way)',
  EEXIST: 'it is not a directory (a file is in the way)',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
};
const FIX: Record<string, string> = {
  EACCES: 'Give this user write access to it (chown or chmod), or',
  EPERM: 'Give this user write access to it (chown or chmod), or',
  EROFS: 'Use a directory on a writable disk:',
  ENOTDIR: 'Remove or rename the file, or',
  EEXIST: 'Remove or rename the file, or',
  ENOSPC: 'Free some space, or',
  EDQUOT: 'Free some space, or',
};

/**
 * The sentence for a data directory that failed with this errno code.
 * `how`: how this command chooses another directory, e.g. "--data DIR or BATON_DATA_DIR=DIR".
 */
export function dataDirMessage(dir: string, code: string, how: string): string {
  const why = WHY[code] ?? `the system said ${code}`;
  const fix = FIX[code] ?? 'Check the path, or';
  return `the data directory ${resolve(dir)} cannot be used: ${why}. ${fix} choose another directory with ${how}.`;
}

/** Make `dir` if needed and write a file in it; a SetupError names the directory and why. */
export function checkDataDir(dir: string, how: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    const probe = resolve(dir, `.baton-write-check-${process.pid}`);
    writeFileSync(probe, 'ok');
    rmSync(probe);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'UNKNOWN';
    throw new SetupError(`data_dir_${code.toLowerCase()}`, dataDirMessage(dir, code, how));
  }
}
