// Accessibility in real Chromium: axe-core (a maintained checker) finds no
// serious or critical violation on the sidebar, the popup and the options
// page, in English and in Simplified Chinese; and no text on them is set
// under 12 px.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listFixtures } from './harness/fixture-server';
import { e2eWorld } from './harness/session';

const world = e2eWorld('A11y team');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe's serious and critical violations, one line each (rule, impact, where). */
async function seriousViolations(target: Page | Frame): Promise<string[]> {
  await target.evaluate(AXE);
  return target.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')}`);
  });
}

/** Elements whose own text is set under 12 px. */
function smallText(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim()) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const px = parseFloat(style.fontSize);
      if (px < 12) out.push(`${el.tagName.toLowerCase()}.${el.className} ${px}px “${n.textContent.trim().slice(0, 30)}”`);
    }
    return out;
  });
}

describe.each(['en', 'zh-CN'])('accessibility in %s', (locale) => {
  it('sidebar, popup and options: no serious or critical axe violation, no text under 12 px', async () => {
    const b = await world.signedIn(world.team.tokens.manager, locale);
    const deal = listFixtures().find((f) => f.crm === 'salesforce')!;
    const { page, frame } = await world.openDeal(b, deal.url);
    await frame.waitForSelector('[data-field="completeness"]');
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe(locale);
    const sidebar = await seriousViolations(frame);
    const sidebarSmall = await smallText(frame);

    const popup = await b.context.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
    await popup.waitForLoadState('networkidle');
    const popupFound = await seriousViolations(popup);
    const popupSmall = await smallText(popup);

    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    await options.locator('[data-field="policy-editor"]').waitFor({ timeout: 15_000 });
    await options.locator('[data-field="team-health"] [data-health]').first().waitFor({ timeout: 15_000 });
    await options.locator('[data-field="health-trends"] [data-field="trends-funnel"]').waitFor({ timeout: 15_000 });
    const optionsFound = await seriousViolations(options);
    const optionsSmall = await smallText(options);

    expect({ sidebar, popup: popupFound, options: optionsFound }).toEqual({ sidebar: [], popup: [], options: [] });
    expect({ sidebar: sidebarSmall, popup: popupSmall, options: optionsSmall }).toEqual({ sidebar: [], popup: [], options: [] });
    await page.close();
  });
});
