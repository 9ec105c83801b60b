// Stored data survives an update of the extension (issue 13, item 7), in real
// Chromium. An older Baton is installed first: an extension at the same path
// (so the same id and origin) whose page writes, with real Dexie, the
// IndexedDB database as an older release declared it, and the settings as
// that release stored them. Then the current build replaces it in the same
// profile, as a browser update would, and opens that data: the database is
// brought to the current version (packets migrated, the outbox and the other
// tables kept) and the popup and options page show what the person had.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../free-port';
import { launchWithExtension, type LaunchedBrowser } from './harness/browser';

const FIXTURES = join(import.meta.dirname, '../fixtures/stored');
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
/** A packet as every release before versioned packets stored it (no schemaVersion). */
const OLD_PACKET = fixture('packet.v1.json') as { key: string; deal: { dealName: string }; updatedAt: string };

/**
 * The database's stores as the releases declared them (extension/db/database.ts
 * at each version): 1 packets/outbox/meta, 2 claims, 3 pending claims, 4 refusals.
 */
const OLD_STORES: Record<string, string>[] = [
  { packets: '&key, status, updatedAt', outbox: '++seq, &id, packetKey', meta: '&key' },
  { claims: '&id, expiresAt' },
  { pendingClaims: '++localId' },
  { refusals: '&id, packetKey' },
];

/** What the older release had written, table by table (plus extension-storage settings). */
interface OldData {
  version: number;
  tables: Record<string, unknown[]>;
  settings?: Record<string, unknown>;
}

const BUILD = resolve('.output/chrome-mv3');

/**
 * An extension directory for the "older release": Dexie, a page, a worker. Its
 * id is the build's — from the build's public key when it has one, else from
 * the directory's path, which the current build later takes over.
 */
function olderRelease(): string {
  const dir = mkdtempSync(join(tmpdir(), 'baton-older-'));
  const { key } = JSON.parse(readFileSync(join(BUILD, 'manifest.json'), 'utf8')) as { key?: string };
  const manifest = { manifest_version: 3, name: 'Baton', version: '0.0.1', ...(key ? { key } : {}), permissions: ['storage'], background: { service_worker: 'sw.js' } };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'sw.js'), '');
  cpSync(resolve('node_modules/dexie/dist/dexie.js'), join(dir, 'dexie.js'));
  writeFileSync(join(dir, 'seed.html'), '<!doctype html><script src="dexie.js"></script>');
  return dir;
}

/** Installs the older release in a fresh profile and lets it write `data`, then closes the browser. */
async function seed(dir: string, profile: string, data: OldData): Promise<string> {
  const b = await launchWithExtension({ fixturePort: await freePort(), extensionPath: dir, userDataDir: profile });
  try {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/seed.html`);
    await page.evaluate(
      async ({ stores, data }) => {
        const g = globalThis as unknown as {
          Dexie: new (name: string) => { version(n: number): { stores(s: object): void }; open(): Promise<void>; table(n: string): { bulkAdd(rows: unknown[]): Promise<unknown> }; close(): void };
          chrome: { storage: { local: { set(v: object): Promise<void> } } };
        };
        const db = new g.Dexie('baton');
        stores.slice(0, data.version).forEach((s, i) => db.version(i + 1).stores(s));
        await db.open();
        for (const [table, rows] of Object.entries(data.tables)) await db.table(table).bulkAdd(rows);
        db.close();
        if (data.settings) await g.chrome.storage.local.set(data.settings);
      },
      { stores: OLD_STORES, data },
    );
    return b.extensionId;
  } finally {
    await b.close();
  }
}

/** The older release replaced by the current build at the same path, opened in the same profile. */
async function update(dir: string, profile: string): Promise<LaunchedBrowser> {
  rmSync(dir, { recursive: true, force: true });
  cpSync(BUILD, dir, { recursive: true });
  return launchWithExtension({ fixturePort: await freePort(), extensionPath: dir, userDataDir: profile });
}

/** The database as IndexedDB holds it (read without Dexie): its version, stores and every record. */
async function rawDatabase(page: Page): Promise<{ version: number; stores: string[]; records: Record<string, unknown[]> }> {
  return page.evaluate(
    () =>
      new Promise((done, fail) => {
        const req = indexedDB.open('baton');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const idb = req.result;
          const stores = [...idb.objectStoreNames];
          const tx = idb.transaction(stores, 'readonly');
          const records: Record<string, unknown[]> = {};
          for (const s of stores) {
            const all = tx.objectStore(s).getAll();
            all.onsuccess = () => (records[s] = all.result);
          }
          tx.oncomplete = () => {
            idb.close();
            done({ version: idb.version, stores: stores.sort(), records });
          };
        };
      }),
  );
}

const storageOf = (page: Page, key: string) => page.evaluate(async (k) => (await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(k))[k], key);

const HOUR = 3_600_000;
const outboxEntry = { id: 'm-older-1', hlc: '000001732950000000:00000:older-client', packetKey: OLD_PACKET.key, op: { kind: 'set', path: 'handoff.nextStep', value: '下周二演示' }, at: '2026-11-29T08:00:00.000Z' };

describe('an older release’s data, opened by the current build', () => {
  const dirs: string[] = [];
  let browser: LaunchedBrowser | undefined;
  const profile = () => mkdtempSync(join(tmpdir(), 'baton-profile-'));
  afterAll(async () => {
    await browser?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('the first release’s database (version 1): the packet is migrated and listed, the outbox kept, the later tables added', async () => {
    const dir = olderRelease();
    dirs.push(dir);
    const home = profile();
    const id = await seed(dir, home, { version: 1, tables: { packets: [OLD_PACKET], outbox: [outboxEntry], meta: [{ key: 'clientId', value: 'older-client' }] } });
    browser = await update(dir, home);
    expect(browser.extensionId).toBe(id);

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    const row = popup.locator(`[data-deal-key="${OLD_PACKET.key}"]`);
    await row.waitFor({ timeout: 20_000 });
    await expect.poll(() => row.textContent()).toContain(OLD_PACKET.deal.dealName);

    const db = await rawDatabase(popup);
    expect(db.version).toBe(50); // Dexie version 5, as IndexedDB numbers it (× 10)
    expect(db.stores).toEqual(['claims', 'meta', 'outbox', 'packets', 'pendingClaims', 'refusals']);
    expect(db.records.packets).toEqual([{ ...OLD_PACKET, schemaVersion: 2 }]);
    expect(db.records.outbox).toEqual([{ ...outboxEntry, seq: 1 }]);
    expect(db.records.meta).toContainEqual({ key: 'clientId', value: 'older-client' });
    await browser.close();
    browser = undefined;
  });

  it('the release before versioned packets and settings (database version 4): packet, claim, offline claim, refusal and outbox all there; settings migrated, or the default with a notice', async () => {
    const dir = olderRelease();
    dirs.push(dir);
    const home = profile();
    const now = Date.now();
    const claim = { id: 4711, customer: '华东精密制造有限公司', claimedAt: new Date(now - 2 * 24 * HOUR).toISOString(), expiresAt: new Date(now + 5 * 24 * HOUR).toISOString(), releasedAt: null, wonAt: null };
    const pendingClaim = { customer: '苏州恒远电子有限公司', keys: [{ kind: 'company', value: '苏州恒远电子有限公司' }], at: '2026-11-29T09:00:00.000Z' };
    const refusal = { id: 'm-older-2', packetKey: OLD_PACKET.key, op: { kind: 'set', path: 'handoff.nextStep', value: '合同已签' }, at: '2026-11-29T09:30:00.000Z', refusedAt: '2026-11-29T09:31:00.000Z', code: 'notEditable', reason: 'the packet was accepted' };
    const id = await seed(dir, home, {
      version: 4,
      tables: { packets: [OLD_PACKET], outbox: [outboxEntry], claims: [claim], pendingClaims: [pendingClaim], refusals: [refusal] },
      settings: {
        // Stored bare, as every release before versioned settings did.
        uiLocale: fixture('browser-uiLocale.v1.json'),
        adapterDefinitions: fixture('browser-customAdapters.v1.json'),
        // Written by a newer Baton than this build (say after a downgrade): unreadable here.
        sidebarLayout: { schemaVersion: 99, value: { collapsed: true, width: { px: 460 }, modes: {} } },
      },
    });
    browser = await update(dir, home);
    expect(browser.extensionId).toBe(id);

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    await popup.locator(`[data-deal-key="${OLD_PACKET.key}"]`).waitFor({ timeout: 20_000 });
    await expect.poll(() => popup.locator(`[data-deal-key="${OLD_PACKET.key}"] [data-refused]`).getAttribute('data-refused')).toBe('1');
    await expect.poll(() => popup.locator(`[data-claim-id="${claim.id}"]`).textContent()).toContain(claim.customer);
    await expect.poll(() => popup.locator('[data-pending-claim]').textContent()).toContain(pendingClaim.customer);
    // The language stored bare (zh-TW) is still the UI's.
    await expect.poll(() => popup.locator('.claims h2').textContent()).toContain('我的報備');

    const db = await rawDatabase(popup);
    expect(db.version).toBe(50);
    expect(db.records.packets).toEqual([{ ...OLD_PACKET, schemaVersion: 2 }]);
    expect(db.records.outbox).toEqual([{ ...outboxEntry, seq: 1 }]);
    expect(db.records.claims).toEqual([claim]);
    expect(db.records.pendingClaims).toEqual([{ ...pendingClaim, localId: 1 }]);
    expect(db.records.refusals).toEqual([refusal]);

    // The options page: the custom adapter saved with one `url` opens with `urls`; the layout from a newer Baton is named as unreadable.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    const notice = options.locator('[data-field="unreadable-settings"]');
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-value')))).toEqual(['sidebarLayout']);
    expect(await notice.textContent()).toContain('側邊欄版面');
    expect(await notice.textContent()).toContain('較新版本');
    await expect.poll(() => storageOf(options, 'uiLocale')).toEqual({ schemaVersion: 2, value: 'zh-TW' });
    await expect.poll(() => storageOf(options, 'adapterDefinitions')).toEqual(fixture('browser-customAdapters.v2.json'));
    // Left for the newer Baton that wrote it, not overwritten with the default.
    expect(await storageOf(options, 'sidebarLayout')).toEqual({ schemaVersion: 99, value: { collapsed: true, width: { px: 460 }, modes: {} } });
  });
});
