// Serves the CRM fixture pages over HTTPS at their real host names and paths,
// chosen by the Host header, so Chromium (with --host-resolver-rules mapping
// every host here) runs the extension's real match patterns against them.
// Used by the end-to-end tests, the benchmarks and `npm start`. Entries of
// crm-extra/manifest.json may derive a variant page from a fixture by text
// replacement (a CRM page after a layout change).
import { readFileSync, existsSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const DIRS = [join(ROOT, 'crm-extra'), join(ROOT, 'crm'), join(ROOT, 'crm-variants'), join(ROOT, 'crm-selfhosted'), join(ROOT, 'crm-extras')]; // our extra pages first

interface Entry {
  /** "http": served by the plain-http server (self-hosted CRMs on an intranet host) */
  scheme?: 'http' | 'https';
  /** serve this page for every path and query on its host (a PHP app's index.php?…) */
  anyPath?: boolean;
  file: string;
  /** a variant of another fixture: text replacements applied when served */
  replace?: [string, string][];
  host: string;
  path: string;
  spaFallback: boolean;
  dir: string;
}

function manifest(): Entry[] {
  return DIRS.flatMap((dir) => {
    const f = join(dir, 'manifest.json');
    if (!existsSync(f)) return [];
    return (JSON.parse(readFileSync(f, 'utf8')) as Omit<Entry, 'dir'>[]).map((e) => ({ ...e, dir }));
  });
}

export interface FixtureInfo {
  file: string;
  crm: string;
  url: string;
  expected: Record<string, string | number>;
  navigate?: { click: string; expectedUrl: string };
  afterNavigation?: Record<string, string | number>;
}

/** The shared deal fixtures (or, with `'crm-variants'`, our own page variants) with their URLs and expected values. */
export function listFixtures(set: 'crm' | 'crm-variants' = 'crm'): FixtureInfo[] {
  const dir = join(ROOT, set);
  return (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { file: string }[]).map((m) => ({
    file: m.file,
    ...(JSON.parse(readFileSync(join(dir, m.file.replace(/\.html$/, '.json')), 'utf8')) as Omit<FixtureInfo, 'file'>),
  }));
}

/** Non-deal pages at real CRM addresses (no sidebar expected). */
export function listNonDealPages(): { url: string; title: string }[] {
  const f = join(ROOT, 'crm-extra', 'manifest.json');
  return (JSON.parse(readFileSync(f, 'utf8')) as (Omit<Entry, 'dir'> & { title?: string; fragment?: string; deal?: boolean })[])
    .filter((e) => !e.deal)
    .map((e) => ({
    url: `https://${e.host}${e.path}${e.fragment ?? ''}`,
    title: e.title ?? e.file,
  }));
}

/** Host names of the self-hosted fixtures served over plain http (mapped to the http server). */
export function listHttpHosts(): string[] {
  return [...new Set(manifest().filter((e) => e.scheme === 'http').map((e) => e.host))];
}

export async function startFixtureServer({ port = 0, host = '127.0.0.1' }: { port?: number; host?: string } = {}): Promise<{
  port: number;
  /** the plain-http server for self-hosted fixtures (listHttpHosts) */
  httpPort: number;
  close(): Promise<void>;
}> {
  const entries = manifest();
  const handler = (https: boolean) => (req: IncomingMessage, res: ServerResponse) => {
      const reqHost = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      const url = req.url ?? '/';
      const onHost = entries.filter((m) => m.host === reqHost && (m.scheme === 'http') !== https);
      const hit =
        onHost.find((m) => m.path === url) ??
        onHost.find((m) => m.anyPath) ??
        onHost.find((m) => m.spaFallback && !/\.\w+$/.test(url.split('?')[0] ?? ''));
      if (!hit) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      let body = readFileSync(join(hit.dir, hit.file), 'utf8');
      for (const [from, to] of hit.replace ?? []) body = body.split(from).join(to);
      res.end(body);
  };
  const server = createServer({ key: readFileSync(join(ROOT, 'tls/key.pem')), cert: readFileSync(join(ROOT, 'tls/cert.pem')) }, handler(true));
  const plain = createHttpServer(handler(false));
  await new Promise<void>((ok) => server.listen(port, host, ok));
  await new Promise<void>((ok) => plain.listen(0, host, ok));
  const close = (s: typeof plain | typeof server) =>
    new Promise<void>((ok) => {
      s.closeAllConnections();
      s.close(() => ok());
    });
  return {
    port: (server.address() as AddressInfo).port,
    httpPort: (plain.address() as AddressInfo).port,
    close: async () => {
      await close(server);
      await close(plain);
    },
  };
}
