// Sign-in without a hand-copied token, in real Chromium with the built
// extension (issue 15): "Sign in with company account" opens the browser's
// own sign-in window (browser.identity.launchWebAuthFlow) on a real OpenID
// provider run by the test (oidc-provider, test/server/harness/oidc-provider.ts);
// the person types their address there, the window closes on the redirect to
// https://<extension id>.chromiumapp.org/, and the server exchanges the code
// and signs them in. A person the team's policy does not allow is refused
// with a clear message in their language, and an invited person signs in
// with the one-time code their admin was shown.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '@/lib/i18n/translate';
import { users } from '@/server/db/schema';
import { freePort } from '../free-port';
import { seedTeam, type Seeded } from '../server/harness/seed';
import { startTestProvider, type TestProvider } from '../server/harness/oidc-provider';
import { launchWithExtension, type LaunchedBrowser } from './harness/browser';
import { startFixtureServer } from './harness/fixture-server';
import { sessions } from './harness/session';
import { startTestServer, type TestServer } from './harness/sync-server';

describe('sign-in in Chromium', () => {
  let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
  let server: TestServer;
  let team: Seeded;
  let idp: TestProvider;
  const browsers: LaunchedBrowser[] = [];
  const s = sessions(
    () => fixtures.port,
    () => server.url,
  );

  const launch = async (locale?: string) => {
    const b = await launchWithExtension({ fixturePort: fixtures.port, ...(locale ? { locale } : {}) });
    browsers.push(b);
    return b;
  };
  const optionsOf = async (b: LaunchedBrowser) => {
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    await options.locator('[data-field="server-url"]').fill(server.url);
    return options;
  };
  /** Clicks "Sign in with company account" and signs in as `email` in the window it opens. */
  const companySignIn = async (b: LaunchedBrowser, email: string) => {
    const options = await optionsOf(b);
    await options.locator('[data-field="team"]').fill(String(team.teamId));
    const window = b.context.waitForEvent('page', { timeout: 30_000 });
    await options.locator('[data-action="sign-in-company"]').click();
    const login = await window;
    expect(new URL(login.url()).origin).toBe(idp.issuer);
    // The options page says what it is waiting for.
    await options.locator('[data-field="signin-progress"]').waitFor({ timeout: 10_000 });
    await login.locator('input[name="email"]').fill(email);
    await login.locator('button[type="submit"]').click();
    return options;
  };
  const usersCount = async () => (await server.database.db.select({ n: count() }).from(users))[0]!.n;

  beforeAll(async () => {
    fixtures = await startFixtureServer({ port: 0 });
    server = await startTestServer(await freePort());
    team = await seedTeam(server.database, 'Acme Sales');
    // The extension's id is fixed by its key (docs/it-admin.md): its redirect URI is known before launch.
    const probe = await launch();
    const redirect = `https://${probe.extensionId}.chromiumapp.org/`;
    idp = await startTestProvider({
      redirectUris: [redirect],
      accounts: [
        { email: 'ana@acme.example', name: 'Ana Li' },
        { email: 'bo@outside.example', name: 'Bo Outsider' },
      ],
    });
    const put = await fetch(`${server.url}/v1/team/sign-in`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${team.tokens.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ provider: { issuer: idp.issuer, clientId: idp.clientId }, access: 'domains', domains: ['acme.example'], defaultRole: 'rep' }),
    });
    expect(put.status).toBe(201);
  });
  afterAll(async () => {
    for (const b of browsers) await b.close().catch(() => {});
    await s.closeAll();
    await idp?.close();
    await server?.close();
    await fixtures?.close();
  });

  it('a person of the team’s domain signs in with the company account through the provider’s window', async () => {
    const b = browsers[0]!;
    const options = await companySignIn(b, 'ana@acme.example');
    const who = options.locator('[data-field="who"]');
    await who.filter({ hasText: 'Signed in as' }).waitFor({ timeout: 30_000 });
    expect(await who.innerText()).toBe('Signed in as Ana Li (sales rep), team Acme Sales');
    const [ana] = await server.database.db.select().from(users).where(eq(users.email, 'ana@acme.example'));
    expect(ana).toMatchObject({ name: 'Ana Li', role: 'rep', teamId: team.teamId });
    // The window closed itself on the redirect to the extension.
    await expect.poll(() => b.context.pages().filter((p) => p.url().startsWith(idp.issuer)).length, { timeout: 10_000 }).toBe(0);
  });

  it('a person the policy does not allow is refused with a clear message in their language, and nothing is created', async () => {
    const b = await launch('zh-CN');
    const before = await usersCount();
    const options = await companySignIn(b, 'bo@outside.example');
    const alert = options.locator('[data-field="signin-error"]');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toBe(translate('zh-CN', 'error.email_not_allowed', { email: 'bo@outside.example' }));
    expect(await options.locator('[data-field="who"]').innerText()).toBe('');
    expect(await usersCount()).toBe(before);
  });

  it('an admin invites a person by email and is shown a one-time code; the person signs in with it', async () => {
    const admin = await s.signedIn(team.tokens.admin);
    const page = await admin.context.newPage();
    await page.goto(`chrome-extension://${admin.extensionId}/options.html`);
    const invite = page.locator('[data-field="invite"]');
    await invite.locator('input[name="email"]').fill('Cy@Partner.example');
    await invite.locator('input[name="name"]').fill('Cy Partner');
    await invite.locator('select[name="role"]').selectOption('csm');
    await invite.locator('[data-action="invite"]').click();
    const shown = page.locator('[data-field="invite-code"]');
    await shown.waitFor({ timeout: 15_000 });
    const code = (await shown.getAttribute('data-value'))!;
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(await shown.innerText()).toContain(code);

    const person = await launch();
    const options = await optionsOf(person);
    await options.locator('[data-field="signin-email"]').fill('cy@partner.example');
    await options.locator('[data-field="signin-code"]').fill(code.toLowerCase());
    await options.locator('[data-action="sign-in-code"]').click();
    const who = options.locator('[data-field="who"]');
    await who.filter({ hasText: 'Signed in as' }).waitFor({ timeout: 30_000 });
    expect(await who.innerText()).toBe('Signed in as Cy Partner (CSM), team Acme Sales');
  });
});
