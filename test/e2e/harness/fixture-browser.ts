// One fixture server and one Chromium with the built extension per test file,
// started before its tests and closed after them.
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, type LaunchedBrowser } from './browser';
import { startFixtureServer } from './fixture-server';

type LaunchOptions = Omit<Parameters<typeof launchWithExtension>[0], 'fixturePort'>;

/** Registers the file's beforeAll/afterAll; `env.server` and `env.browser` are set once beforeAll ran. */
export function fixtureBrowser(options: LaunchOptions | (() => LaunchOptions) = {}) {
  const env = {} as { server: Awaited<ReturnType<typeof startFixtureServer>>; browser: LaunchedBrowser };
  beforeAll(async () => {
    env.server = await startFixtureServer({ port: 0 });
    env.browser = await launchWithExtension({ fixturePort: env.server.port, ...(typeof options === 'function' ? options() : options) });
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
