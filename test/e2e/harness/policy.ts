// Managed settings the way an IT department sets them: a Chromium policy file
// (/etc/chromium/policies/managed/*.json, read by Debian's Chromium at start)
// whose "3rdparty" entry names the extension by id. The policy is written for
// a copy of the built extension with its own fresh key, hence its own id, so
// other browsers started by tests at the same time (the usual id) are not
// affected. Writing there needs root, as CI runs.
import { generateKeyPairSync } from 'node:crypto';
import { accessSync, constants, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extensionIdOf } from '@/scripts/build/extension-key';

export const POLICY_DIR = '/etc/chromium/policies/managed';

/** Whether this process may write Chromium's managed policy folder (root on Debian). */
export function canWritePolicies(): boolean {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A copy of the built extension under a fresh key: its path and its Chromium id. */
export function extensionWithOwnId(extensionPath = '.output/chrome-mv3'): { path: string; id: string } {
  const dir = mkdtempSync(join(tmpdir(), 'baton-ext-managed-'));
  cpSync(resolve(extensionPath), dir, { recursive: true });
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const file = join(dir, 'manifest.json');
  const manifest: unknown = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, JSON.stringify({ ...(manifest as object), key }, null, 2));
  return { path: dir, id: extensionIdOf(key) };
}

/** Writes the policy giving extension `id` these managed values; returns its removal. */
export function writeManagedPolicy(id: string, values: Record<string, unknown>): () => void {
  const file = join(POLICY_DIR, `baton-test-${id}.json`);
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: values } } }, null, 2));
  return () => rmSync(file, { force: true });
}
