// A currency the page does not settle is asked for, never guessed: on a page
// with no language and a "¥" amount (yen or yuan), the sidebar shows the
// amount, leaves the currency empty and asks the rep to choose it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { fixtureBrowser } from './harness/fixture-browser';
import { fixtureVariant, openRouted } from './harness/routed-page';

const env = fixtureBrowser(() => ({ userDataDir: mkdtempSync(join(tmpdir(), 'baton-e2e-')), locale: 'en-US' }));

it('"¥" with no page language: amount read, currency empty, the rep is asked and chooses', async () => {
  const html = fixtureVariant('pipedrive-deal.html', [
    ['<html lang="en">', '<html>'],
    ["'€12.500,00'", "'¥1.250.000'"],
  ]);
  const { page, frame } = await openRouted(env.browser.context, 'https://acme-sales.pipedrive.com/deal/4999', html);
  await frame.waitForSelector('[data-field="deal.recordId"][data-value="4999"]', { timeout: 15_000 });
  await frame.waitForSelector('[data-field="deal.amount"][data-value="1250000"]', { timeout: 15_000 });
  expect(await frame.getAttribute('[data-field="deal.currency"]', 'data-value')).toBe('');
  const choose = frame.getByRole('combobox', { name: 'Could not read the currency — choose it' });
  await expect.poll(() => choose.count(), { timeout: 10_000 }).toBe(1);
  await choose.selectOption('JPY');
  await expect.poll(() => frame.textContent('[data-field="deal.amount"]'), { timeout: 10_000 }).toBe('¥1,250,000');
  // The choice is the rep's, kept as typed: the read value stays empty.
  expect(await frame.getAttribute('[data-field="deal.currency"]', 'data-value')).toBe('');
  await page.close();
});
