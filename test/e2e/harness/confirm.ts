// State-changing sidebar actions take a deliberate second step
// (components/shared/ConfirmAction): the button, then its Confirm.
import type { Frame } from 'playwright-core';
import type { ConfirmedAction } from '../../../components/shared/ConfirmAction';

/** Clicks the action's button, then the Confirm button that appears for it. */
export async function clickAndConfirm(frame: Frame, trigger: string, action: ConfirmedAction): Promise<void> {
  await frame.locator(trigger).click();
  await frame.locator(`[data-confirm="${action}"]`).click();
}
