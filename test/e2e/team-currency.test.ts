// The team's currency, set by a manager on the options page, reaches every
// rep's browser on sync and settles a sign the CRM page leaves open: "kr" on
// a German-language page is read as the team's SEK.
import { expect, it } from 'vitest';
import { fixtureVariant, openRouted } from './harness/routed-page';
import { e2eWorld } from './harness/session';

const world = e2eWorld('Nordic team');

it('a manager sets the team currency; the rep’s sidebar reads "kr" as it', async () => {
  const manager = await world.signedIn(world.team.tokens.manager);
  const options = await manager.context.newPage();
  await options.goto(`chrome-extension://${manager.extensionId}/options.html`);
  await options.locator('select[name="currency"]').selectOption('SEK', { timeout: 15_000 });
  await options.locator('[data-field="engagement-save"]').click();
  await options.locator('[data-field="engagement-saved"]').waitFor({ timeout: 15_000 });

  const rep = await world.signedIn(world.team.tokens.rep);
  await world.syncNow(rep);
  const html = fixtureVariant('pipedrive-deal.html', [
    ['<html lang="en">', '<html lang="de">'],
    ["'€12.500,00'", "'12.500 kr'"],
  ]);
  const { frame } = await openRouted(rep.context, 'https://acme-sales.pipedrive.com/deal/4998', html);
  await frame.waitForSelector('[data-field="deal.amount"][data-value="12500"]', { timeout: 15_000 });
  await expect.poll(() => frame.getAttribute('[data-field="deal.currency"]', 'data-value'), { timeout: 30_000 }).toBe('SEK');
});
