import type { Frame } from 'playwright-core';
import { clickAndConfirm } from './confirm';

/** Fills every required checklist item of the default template in the sidebar. */
export async function fillRequired(frame: Frame): Promise<void> {
  const fill = (path: string, value: string) => frame.locator(`[data-path="${path}"]`).fill(value);
  await fill('profile.industry', 'Logistics');
  await fill('profile.size', '1,200 staff');
  await fill('profile.tier', 'A');
  await fill('contract.amount', '48750');
  await fill('contract.currency', 'USD');
  await fill('contract.termMonths', '24');
  await fill('contract.startDate', '2027-02-01');
  await frame.locator('[data-add="contract.purchases"]').click();
  await fill('contract.purchases.product[0]', 'Fleet tracking units');
  await fill('whyWon.decisivePoints', 'Real-time ETA');
  await fill('whyWon.problemsToSolve', 'Late deliveries');
  await frame.locator('[data-add="stakeholders"]').click();
  await fill('stakeholders.name[0]', 'Hannah Okafor');
  await fill('stakeholders.email[0]', 'hannah.okafor@bluefinlogistics.com');
  await frame.locator('[data-add="risks.items"]').click();
  await fill('risks.items.text[0]', 'Driver adoption');
  await frame.locator('[data-path="risks.items.severity[0]"]').selectOption('medium');
  await fill('risks.items.mitigation[0]', 'Training week with dispatch');
}

/** Fills the required items and submits the handoff; waits until the sidebar shows it submitted. */
export async function fillAndSubmit(frame: Frame): Promise<void> {
  await fillRequired(frame);
  await clickAndConfirm(frame, '[data-field="submit"]:not([disabled])', 'submit');
  await frame.waitForSelector('[data-field="status"][data-value="submitted"]', { timeout: 15_000 });
}
