// Regenerates the screenshots in docs/ (README): the sidebar on demo CRM pages,
// in English and in Chinese. `npm run screenshots` after `npm run build`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, sidebarFrame } from '../test/e2e/harness/browser';
import { listFixtures, startFixtureServer } from '../test/e2e/harness/fixture-server';

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
await server.close();
