// The background's side of reading the extras: inject the reader
// (entrypoints/deal-extras.ts) into a tab's top frame. `scripting` permission
// plus the host permission the tab already has: the built-in CRMs' from the
// manifest, a custom adapter's granted at run time (the content script runs
// there by the same grant). A tab where injection fails (the page left, the
// grant was withdrawn) just gets no extras.
import { browser } from 'wxt/browser';
import { EXTRAS_READER_FILE } from '@/extension/messaging/extras-messages';

export async function injectExtrasReader(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [EXTRAS_READER_FILE] });
    return true;
  } catch {
    return false;
  }
}
