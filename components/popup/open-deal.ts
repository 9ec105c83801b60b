// Opens a deal where the user already has it: the CRM tab showing that page is
// brought forward; otherwise a new tab. (The "tabs" permission lets us see
// tab URLs.)
import { browser } from 'wxt/browser';

const base = (u: string) => u.replace(/[?#].*$/, '').replace(/\/$/, '');

export async function openDeal(url: string): Promise<void> {
  const tabs = await browser.tabs.query({});
  // Hash-routed CRMs (fxiaoke) keep the record in the fragment: compare it whole first.
  const open = tabs.find((t) => t.url === url) ?? (new URL(url).hash ? undefined : tabs.find((t) => t.url && base(t.url) === base(url)));
  if (open?.id !== undefined) {
    await browser.tabs.update(open.id, { active: true });
    if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true });
  } else {
    await browser.tabs.create({ url });
  }
}
