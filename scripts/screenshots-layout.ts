// Screenshots of the two sidebar layouts on the self-hosted CRM fixture
// (SuiteCRM-like, http://suitecrm/): overlay (the adapter's choice) and push,
// at 1280 px, each after checking in the page that no CRM control lies under
// the sidebar. Part of `npm run screenshots`; uses the test-only build that
// lists the fixture's host (see README, Tests).
import { readFileSync } from 'node:fs';
import { extensionWithHosts, launchWithExtension, sidebarFrame } from '../test/e2e/harness/browser';
import { sidebarCoverage } from '../test/e2e/harness/coverage';
import { listHttpHosts, startFixtureServer } from '../test/e2e/harness/fixture-server';

const DIR = 'test/fixtures/crm-selfhosted';
const fx = JSON.parse(readFileSync(`${DIR}/suitecrm-opportunity.json`, 'utf8')) as { urls: { direct: string } };
const server = await startFixtureServer({ port: 0 });
const browser = await launchWithExtension({
  fixturePort: server.port,
  http: { port: server.httpPort, hosts: listHttpHosts() },
  extensionPath: extensionWithHosts(['http://suitecrm/*']),
});
try {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.locator('[data-field="adapter-json"]').fill(readFileSync(`${DIR}/suitecrm.adapter.json`, 'utf8'));
  await options.getByRole('button', { name: /Save and allow/ }).click();
  await options.locator('[data-field="adapter-save"][data-value="saved"]').waitFor({ timeout: 15_000 });
  await options.close();

  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(fx.urls.direct);
  const frame = await sidebarFrame(page);
  await frame.waitForSelector('[data-field="deal.probability"][data-value="80"]', { timeout: 20_000 });
  for (const mode of ['overlay', 'push'] as const) {
    await frame.selectOption('[data-field="layout-mode"]', mode);
    await page.waitForSelector(`iframe[data-baton="sidebar"][data-layout="${mode}"]`);
    await page.waitForTimeout(600);
    const report = await sidebarCoverage(page, ['#toolbar', '.moduleTitle h2', '.moduleTitle button', '#stage-path li', '#sidebar-menu']);
    if (report.covered.length || report.cutOff.length) throw new Error(`${mode}: ${JSON.stringify(report)}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    const file = `docs/sidebar-selfhosted-${mode}.png`;
    await page.screenshot({ path: file });
    console.log(`wrote ${file} (${report.checked} controls checked, none under the sidebar)`);
  }
  await frame.selectOption('[data-field="layout-mode"]', 'overlay');
} finally {
  await browser.close();
  await server.close();
}
