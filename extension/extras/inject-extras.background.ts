// The background's side of reading the extras: inject the reader
// (entrypoints/deal-extras.ts) into a tab's top frame. `scripting` permission
// plus the host permission the tab already has: the built-in CRMs' from the
// manifest, a custom adapter's granted at run time (the content script runs
// there by the same grant). A tab where injection fails (the page left, the
// grant was withdrawn) just gets no extras.
import { browser } from 'wxt/browser';
import { EXTRAS_READER_FILE } from '@/extension/messaging/extras-messages';

export async function injectExtrasReader(tabId: number): Promise<boolean> {
  const target = { tabId, frameIds: [0] };
  try {
    // Already there (the page has not reloaded): ask it to read again rather than evaluate its bundle anew.
    const [asked] = await browser.scripting.executeScript({
      target,
      func: () => {
        const reader = (globalThis as { __batonExtras?: { readNow(): void } }).__batonExtras;
        reader?.readNow();
        return !!reader;
      },
    });
    if (asked?.result !== true) await browser.scripting.executeScript({ target, files: [EXTRAS_READER_FILE] });
    return true;
  } catch {
    return false;
  }
}
