// Store packages from one command, versioned from package.json (docs/it-admin.md):
//   npm run package                       Chrome Web Store, Edge Add-ons and Firefox AMO zips (+ AMO sources zip)
//   npm run package -- --crx-key key.pem --update-url https://it.example.com/baton/
//                                         also a signed CRX and its update manifest for self-hosting
// Everything lands in .output/packages/. Store zips carry no manifest "key" (a
// store assigns its own id); the self-hosted CRX's id is its signing key's.
import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { extensionIdOf } from './build/extension-key';

const ROOT = resolve(import.meta.dirname ?? '.', '..');
const OUT = join(ROOT, '.output/packages');
const WORK = join(ROOT, '.output/package-build');
const version: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

function wxt(args: string[], env: Record<string, string>): void {
  execFileSync(join(ROOT, 'node_modules/.bin/wxt'), args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env, BATON_OUT_DIR: WORK } });
}

/** The zips for the three stores, renamed for where each goes. */
function storeZips(): string[] {
  const made: string[] = [];
  const take = (from: string, to: string) => {
    copyFileSync(join(WORK, from), join(OUT, to));
    made.push(to);
  };
  wxt(['zip'], { BATON_STORE_PACKAGE: '1' });
  take(`baton-${version}-chrome.zip`, `baton-${version}-chrome-web-store.zip`);
  wxt(['zip', '-b', 'edge'], { BATON_STORE_PACKAGE: '1' });
  take(`baton-${version}-edge.zip`, `baton-${version}-edge-addons.zip`);
  wxt(['zip', '-b', 'firefox'], {});
  take(`baton-${version}-firefox.zip`, `baton-${version}-firefox-amo.zip`);
  take(`baton-${version}-sources.zip`, `baton-${version}-firefox-amo-sources.zip`);
  return made;
}

/** A CRX3 signed with `keyFile` and its update manifest, for ExtensionInstallForcelist with a self-hosted update URL. */
async function selfHosted(keyFile: string, updateUrl: string): Promise<string[]> {
  if (!existsSync(keyFile)) throw new Error(`No private key at ${keyFile}. Create one with: openssl genrsa -out ${keyFile} 2048 (keep it safe: it is the extension id).`);
  const publicKey = createPublicKey(createPrivateKey(readFileSync(keyFile))).export({ type: 'spki', format: 'der' }).toString('base64');
  wxt(['build'], { BATON_EXTENSION_KEY: publicKey });
  const dir = join(WORK, 'chrome-mv3');
  const crxName = `baton-${version}.crx`;
  const base = updateUrl.endsWith('/') ? updateUrl : `${updateUrl}/`;
  // crx3 (CommonJS) signs the files of the built folder with the given key.
  const { default: crx3 } = await import('crx3');
  await crx3(
    readdirSync(dir).map((f) => join(dir, f)),
    { keyPath: keyFile, crxPath: join(OUT, crxName), xmlPath: join(OUT, 'update.xml'), crxURL: `${base}${crxName}`, appVersion: version },
  );
  const id = extensionIdOf(publicKey);
  console.log(`Self-hosted: extension id ${id}; ExtensionInstallForcelist entry: "${id};${base}update.xml"`);
  return [crxName, 'update.xml'];
}

async function main() {
  const { values } = parseArgs({ options: { 'crx-key': { type: 'string' }, 'update-url': { type: 'string' } } });
  if (values['crx-key'] && !values['update-url']) throw new Error('--crx-key needs --update-url: the address where update.xml and the .crx will be served.');
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const made = storeZips();
  if (values['crx-key'] && values['update-url']) made.push(...(await selfHosted(resolve(values['crx-key']), values['update-url'])));
  console.log(`Packages for Baton ${version} in ${OUT}:\n${made.map((m) => `  ${m}`).join('\n')}`);
}

main().catch((e: unknown) => {
  console.error(`Packaging failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
