// Regenerates the screenshots in docs/ (README): the sidebar on demo CRM pages,
// in English and in Chinese; the CSM's sidebar after acceptance, the popup and
// the manager's team health against a local server with a demo team.
// `npm run screenshots` after `npm run build`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clickAndConfirm } from '../test/e2e/harness/confirm';
import { launchWithExtension, sidebarFrame } from '../test/e2e/harness/browser';
import { listFixtures, startFixtureServer } from '../test/e2e/harness/fixture-server';
import { fillRequired } from '../test/e2e/harness/fill-packet';
import { sessions } from '../test/e2e/harness/session';
import { startTestServer } from '../test/e2e/harness/sync-server';
import { freePort } from '../test/free-port';
import { seedTeam } from '../test/server/harness/seed';

const server = await startFixtureServer({ port: 0 });

async function shot(crm: string, locale: string, file: string, fill: Record<string, string>) {
  const browser = await launchWithExtension({ fixturePort: server.port, userDataDir: mkdtempSync(join(tmpdir(), 'baton-shot-')), locale });
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(listFixtures().find((f) => f.crm === crm)!.url);
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('[data-field="completeness"]');
    for (const [path, value] of Object.entries(fill)) await frame.locator(`[data-path="${path}"]`).fill(value);
    await frame.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      document.querySelector('.content')?.scrollTo(0, 0);
    });
    await page.waitForTimeout(400);
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
  } finally {
    await browser.close();
  }
}

await shot('salesforce', 'en-US', 'docs/sidebar-salesforce.png', {
  'profile.industry': 'Wholesale distribution',
  'profile.size': '2,400 staff, 31 warehouses',
  'whyWon.decisivePoints': 'Forecast accuracy in the pilot; premier support',
});
await shot('fxiaoke', 'zh-CN', 'docs/sidebar-fxiaoke-zh-CN.png', {
  'profile.industry': '数据服务',
  'profile.size': '约 600 人',
  'profile.tier': 'A 类',
});
// The CSM's side, the popup and team health: a rep submits, a CSM returns and then accepts.
const sync = await startTestServer(await freePort());
const team = await seedTeam(sync.database, '华东大客户部');
const { signedIn, syncNow, openDeal, closeAll } = sessions(
  () => server.port,
  () => sync.url,
);
try {
  const fx = listFixtures().find((f) => f.crm === 'fxiaoke')!;
  const rep = await signedIn(team.tokens.rep, 'zh-CN');
  const r = await openDeal(rep, fx.url);
  await r.frame.waitForSelector('[data-field="completeness"]');
  await fillRequired(r.frame);
  await r.frame.locator('[data-path="stakeholders.name[0]"]').fill('陈志远');
  await clickAndConfirm(r.frame, '[data-field="submit"]:not([disabled])', 'submit');
  await r.frame.waitForSelector('[data-field="status"][data-value="submitted"]');
  await clickAndConfirm(r.frame, '[data-field="claim-button"]', 'claim');
  await r.frame.waitForSelector('[data-field="claim"][data-value="mine"]', { timeout: 15_000 });

  const csm = await signedIn(team.tokens.csm, 'zh-CN');
  const c = await openDeal(csm, fx.url);
  await c.page.setViewportSize({ width: 1440, height: 900 });
  await c.frame.waitForSelector('[data-field="status"][data-value="submitted"]', { timeout: 20_000 });
  await clickAndConfirm(c.frame, '[data-field="accept"]', 'accept');
  await c.frame.waitForSelector('[data-field="intro-draft"]', { timeout: 15_000 });
  await c.frame.evaluate(() => document.querySelector('.intro')?.scrollIntoView());
  await c.page.waitForTimeout(400);
  await c.page.screenshot({ path: 'docs/sidebar-csm-intro-zh-CN.png' });
  console.log('wrote docs/sidebar-csm-intro-zh-CN.png');

  await syncNow(rep);
  const popup = await rep.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${rep.extensionId}/popup.html`);
  await popup.locator('[data-claim-id]').first().waitFor({ timeout: 15_000 });
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: 'docs/popup-zh-CN.png' });
  console.log('wrote docs/popup-zh-CN.png');

  const manager = await signedIn(team.tokens.manager, 'en-US');
  const options = await manager.context.newPage();
  await options.setViewportSize({ width: 1200, height: 900 });
  await options.goto(`chrome-extension://${manager.extensionId}/options.html#health`);
  await options.locator('[data-health="submissions"]').waitFor({ timeout: 15_000 });
  await options.evaluate(() => document.getElementById('health')?.scrollIntoView());
  await options.waitForTimeout(400);
  await options.screenshot({ path: 'docs/team-health.png' });
  console.log('wrote docs/team-health.png');
} finally {
  await closeAll();
  await sync.close();
}
await server.close();
