// An IT department's managed configuration in real Chromium (issue 15): a
// policy file names the team's server, team and language; a fresh profile
// opening a deal is already pointed at that server, the options page shows
// the values locked, sign-in elsewhere or into another team is refused, and a
// value the extension cannot use is reported instead of guessed at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../free-port';
import { seedTeam, type Seeded } from '../server/harness/seed';
import { launchWithExtension, sidebarFrame, type LaunchedBrowser } from './harness/browser';
import { listFixtures, startFixtureServer } from './harness/fixture-server';
import { canWritePolicies, extensionWithOwnId, writeManagedPolicy } from './harness/policy';
import { startTestServer, type TestServer } from './harness/sync-server';
import { EXTENSION_ID } from '@/scripts/build/extension-key';

const TEAM = 'Managed team';

describe.skipIf(!canWritePolicies())('managed configuration from a policy file', () => {
  let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
  let server: TestServer;
  let team: Seeded;
  let other: Seeded;
  let browser: LaunchedBrowser;
  let removePolicy = () => {};

  beforeAll(async () => {
    fixtures = await startFixtureServer({ port: 0 });
    server = await startTestServer(await freePort());
    team = await seedTeam(server.database, TEAM);
    other = await seedTeam(server.database, 'Another team');
    const ext = extensionWithOwnId();
    removePolicy = writeManagedPolicy(ext.id, {
      serverUrl: server.url,
      team: TEAM,
      signInMethod: 'token',
      uiLanguage: 'zh-CN',
      customAdapters: '{ not json',
    });
    browser = await launchWithExtension({ fixturePort: fixtures.port, extensionPath: ext.path });
    expect(browser.extensionId).toBe(ext.id);
  });
  afterAll(async () => {
    removePolicy();
    await browser?.close();
    await server?.close();
    await fixtures?.close();
  });

  it('a fresh profile opening a deal is pointed at the team server, in the managed language', async () => {
    const deal = listFixtures().find((f) => f.crm === 'salesforce')!;
    const page = await browser.context.newPage();
    await page.goto(deal.url);
    const frame = await sidebarFrame(page);
    const pointer = frame.locator('[data-field="managed-server"]');
    await pointer.waitFor({ timeout: 20_000 });
    expect(await pointer.getAttribute('data-value')).toBe(new URL(server.url).origin);
    expect(await pointer.innerText()).toContain('贵单位使用的 Baton 服务器');
    await page.close();
  });

  it('the options page shows the server, team and language locked, and reports the value it could not use', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const url = options.locator('[data-field="server-url"]');
    await expect.poll(() => url.inputValue()).toBe(new URL(server.url).origin);
    expect(await url.getAttribute('readonly')).not.toBeNull();
    const locked = await options.locator('[data-field="managed-locked"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
    expect(locked.sort()).toEqual(['serverUrl', 'team', 'uiLanguage']);
    expect(await options.locator('[data-field="locale"]').isDisabled()).toBe(true);
    expect(await options.locator('[data-field="locale"]').inputValue()).toBe('zh-CN');
    const problem = options.locator('[data-field="managed-problem"]');
    expect(await problem.getAttribute('data-value')).toBe('customAdapters');
    expect(await problem.innerText()).toContain('不是适配器定义组成的 JSON 数组');
    await options.close();
  });

  it("a token of another team is refused with the organization's reason, the team's own token signs in", async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('[data-field="token"]').fill(other.tokens.rep);
    await options.locator('[data-action="sign-in-token"]').click();
    const alert = options.locator('.signin [role="alert"]');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.innerText()).toBe(`贵单位设定的团队是 ${TEAM}，但此令牌属于团队 Another team。`);
    expect(await options.locator('[data-field="who"]').innerText()).toBe('');

    await options.locator('[data-field="token"]').fill(team.tokens.rep);
    await options.locator('[data-action="sign-in-token"]').click();
    await options.locator('[data-field="who"]').filter({ hasText: '已登录' }).waitFor({ timeout: 15_000 });
    expect(await options.locator('[data-field="who"]').innerText()).toContain(TEAM);
    await options.close();
  });
});

describe('a stable extension id', () => {
  it('the built extension has the id its key gives, the one policies name (docs/it-admin.md)', async () => {
    const fixtures = await startFixtureServer({ port: 0 });
    const b = await launchWithExtension({ fixturePort: fixtures.port });
    try {
      expect(b.extensionId).toBe(EXTENSION_ID);
      expect(EXTENSION_ID).toBe('idfhfbndcpkacbjaobgkmekkekpdcjgf');
    } finally {
      await b.close();
      await fixtures.close();
    }
  });
});
