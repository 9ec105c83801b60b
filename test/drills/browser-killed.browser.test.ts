// Drill: the browser is killed (SIGKILL, every Chromium process of the
// profile) while the rep is typing in the sidebar, then relaunched with the
// same profile. What was typed before the last save must be there; of the
// burst typed right before the kill, whatever was saved is a clean prefix.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, sidebarFrame, type LaunchedBrowser } from '../e2e/harness/browser';
import { listFixtures, startFixtureServer } from '../e2e/harness/fixture-server';

/** SIGKILLs every process started with this profile: no shutdown, no flush. */
function killProfile(userDataDir: string): number {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  const pids = out
    .split('\n')
    .filter((l) => l.includes(`--user-data-dir=${userDataDir}`))
    .map((l) => Number(l.trim().split(/\s+/)[0]))
    .filter((p) => p > 0);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone with its parent
    }
  }
  return pids.length;
}

describe('browser killed mid-typing', () => {
  let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
  let browser: LaunchedBrowser | null = null;
  const profile = mkdtempSync(join(tmpdir(), 'baton-drill-kill-'));
  beforeAll(async () => {
    fixtures = await startFixtureServer({ port: 0 });
  });
  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await fixtures?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('relaunched with the same profile, the draft is there up to the last save', async () => {
    const deal = listFixtures().find((f) => f.crm === 'dynamics')!;
    browser = await launchWithExtension({ fixturePort: fixtures.port, userDataDir: profile });
    const page = await browser.context.newPage();
    await page.goto(deal.url);
    const frame = await sidebarFrame(page);
    const notes = frame.locator('[data-path="salesNotes"]');
    await notes.waitFor();
    const settled = '客户要求月底前上线。Go-live before month end; ';
    await notes.pressSequentially(settled);
    await frame.locator('[data-field="save-state"][data-value="saved"]').waitFor({ timeout: 10_000 });
    const burst = 'then the CFO asked for a discount';
    await notes.pressSequentially(burst, { delay: 5 });
    const killed = killProfile(profile);
    browser = null;

    browser = await launchWithExtension({ fixturePort: fixtures.port, userDataDir: profile });
    const again = await browser.context.newPage();
    await again.goto(deal.url);
    const reopened = await sidebarFrame(again);
    const restored = reopened.locator('[data-path="salesNotes"]');
    await restored.waitFor();
    await expect.poll(() => restored.inputValue(), { timeout: 10_000 }).toContain(settled);
    const value = await restored.inputValue();
    const kept = value.slice(settled.length);
    console.log(`drill: killed ${killed} Chromium processes after typing ${settled.length + burst.length} characters; ${value.length} restored (${kept.length} of the ${burst.length}-character burst typed in the last ~${burst.length * 5} ms)`);
    expect(value.startsWith(settled)).toBe(true);
    expect(burst.startsWith(kept)).toBe(true); // a clean prefix: nothing garbled or out of order
  });
});
