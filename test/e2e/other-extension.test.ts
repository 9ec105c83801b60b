// Another extension installed beside Baton (docs/threat-model.md): it cannot
// message Baton's background, open its ports, fetch its pages or frame its
// sidebar. A small MV3 extension, written here, tries each in real Chromium.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type LaunchedBrowser } from './harness/browser';
import { startFixtureServer } from './harness/fixture-server';

const PROBE_WORKER = `
self.probe = async (batonId) => {
  const out = {};
  try {
    out.message = await chrome.runtime.sendMessage(batonId, { type: 'frame:mint' });
  } catch (e) {
    out.message = 'error: ' + e.message;
  }
  out.ports = await Promise.all(['baton-db', 'baton-sidebar'].map((name) => new Promise((resolve) => {
    const got = [];
    const port = chrome.runtime.connect(batonId, { name });
    port.onMessage.addListener((m) => got.push(m));
    port.onDisconnect.addListener(() => resolve({ name, got, disconnected: true }));
    port.postMessage(name === 'baton-db' ? { id: 1, req: { type: 'template:get' } } : { type: 'deal:get' });
    setTimeout(() => resolve({ name, got, disconnected: false }), 15000);
  })));
  try {
    const r = await fetch('chrome-extension://' + batonId + '/sidebar.html');
    out.fetch = r.status;
  } catch (e) {
    out.fetch = 'blocked';
  }
  return out;
};`;

const FRAME_PAGE = `<!doctype html><meta charset="utf-8"><title>other</title><script src="frame.js"></script>`;
const FRAME_SCRIPT = `
const f = document.createElement('iframe');
f.src = 'chrome-extension://' + location.hash.slice(1) + '/sidebar.html';
document.documentElement.appendChild(f);`;

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let browser: LaunchedBrowser;
let other: Worker;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-other-ext-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Other', version: '1.0', background: { service_worker: 'sw.js' }, host_permissions: ['<all_urls>'] }));
  writeFileSync(join(dir, 'sw.js'), PROBE_WORKER);
  writeFileSync(join(dir, 'page.html'), FRAME_PAGE);
  writeFileSync(join(dir, 'frame.js'), FRAME_SCRIPT);
  server = await startFixtureServer({ port: 0 });
  const baton = resolve('.output/chrome-mv3');
  // The later flags replace the harness's: load both extensions.
  browser = await launchWithExtension({ fixturePort: server.port, extraArgs: [`--disable-extensions-except=${baton},${dir}`, `--load-extension=${baton},${dir}`] });
  const find = () => browser.context.serviceWorkers().find((w) => w.url().endsWith('/sw.js'));
  other = find() ?? (await browser.context.waitForEvent('serviceworker', { predicate: (w) => w.url().endsWith('/sw.js'), timeout: 30_000 }));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('another extension', () => {
  it('cannot message Baton, open its ports or fetch its pages', async () => {
    const batonWorker = browser.context.serviceWorkers().find((w) => w.url().endsWith('/background.js'))!;
    const batonId = new URL(batonWorker.url()).host;
    expect(new URL(other.url()).host).not.toBe(batonId);
    const out = (await other.evaluate((id) => (self as unknown as { probe(id: string): Promise<unknown> }).probe(id), batonId)) as {
      message: unknown;
      ports: { name: string; got: unknown[]; disconnected: boolean }[];
      fetch: unknown;
    };
    // No externally_connectable, no onMessageExternal: nobody receives it.
    expect(String(out.message)).toMatch(/^error: /);
    expect(out.ports).toEqual([
      { name: 'baton-db', got: [], disconnected: true },
      { name: 'baton-sidebar', got: [], disconnected: true },
    ]);
    expect(out.fetch).toBe('blocked');
  });

  it('cannot frame Baton’s sidebar in its own page', async () => {
    const batonId = new URL(browser.context.serviceWorkers().find((w) => w.url().endsWith('/background.js'))!.url()).host;
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${new URL(other.url()).host}/page.html#${batonId}`);
    const handle = await page.waitForSelector('iframe', { state: 'attached' });
    const frame = await handle.contentFrame();
    await frame!.waitForLoadState('load').catch(() => undefined);
    // The browser refuses the load: the frame is an error page, not Baton's sidebar.
    expect(frame!.url()).not.toBe(`chrome-extension://${batonId}/sidebar.html`);
    expect(await frame!.locator('#root').count()).toBe(0);
    await page.close();
  });
});
