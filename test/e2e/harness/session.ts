// A user's browser in end-to-end tests: launched with the extension, signed in
// to the test server through the options page like a person would; sync on
// demand; a deal opened with its sidebar frame.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { freePort } from '../../free-port';
import { seedTeam, type Seeded } from '../../server/harness/seed';
import { launchWithExtension, sidebarFrame, type LaunchedBrowser } from './browser';
import { startFixtureServer } from './fixture-server';
import { startTestServer, type TestServer } from './sync-server';

type FixtureServer = Awaited<ReturnType<typeof startFixtureServer>>;

export function sessions(fixturePort: () => number, serverUrl: () => string) {
  const browsers: LaunchedBrowser[] = [];

  async function signedIn(token: string, locale?: string): Promise<LaunchedBrowser> {
    const b = await launchWithExtension({ fixturePort: fixturePort(), ...(locale ? { locale } : {}) });
    browsers.push(b);
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    await options.locator('[data-field="server-url"]').fill(serverUrl());
    await options.locator('[data-field="token"]').fill(token);
    await options.locator('[data-action="sign-in-token"]').click();
    await options.locator('[data-field="who"]').filter({ hasText: /Signed in as|已登录|已登入/ }).waitFor({ timeout: 15_000 });
    await options.close();
    return b;
  }

  async function syncNow(b: LaunchedBrowser) {
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    await options.locator('[data-field="sync-now"]').click();
    await options.close();
  }

  async function openDeal(b: LaunchedBrowser, url: string): Promise<{ page: Page; frame: Frame }> {
    const page = await b.context.newPage();
    await page.goto(url);
    return { page, frame: await sidebarFrame(page) };
  }

  const closeAll = async () => {
    for (const b of browsers) await b.close().catch(() => undefined);
  };

  return { signedIn, syncNow, openDeal, closeAll };
}

/**
 * What an end-to-end file with a sync server needs: the fixture CRM pages,
 * a Baton server (in this process, PGlite), a seeded team and the sessions
 * helpers; started before the file's tests and closed after them.
 */
export function e2eWorld(teamName: string) {
  const world = {} as { fixtures: FixtureServer; server: TestServer; team: Seeded } & ReturnType<typeof sessions>;
  Object.assign(
    world,
    sessions(
      () => world.fixtures.port,
      () => world.server.url,
    ),
  );
  beforeAll(async () => {
    world.fixtures = await startFixtureServer({ port: 0 });
    world.server = await startTestServer(await freePort());
    world.team = await seedTeam(world.server.database, teamName);
  });
  afterAll(async () => {
    await world.closeAll();
    await world.server?.close();
    await world.fixtures?.close();
  });
  return world;
}
