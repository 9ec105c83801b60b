// Injected by the background into a CRM tab's top frame when the sidebar asks
// for what the page shows besides the deal facts (issue 19); stays to re-read
// as the page changes. Injected again, it only reads and sends afresh. Runs in
// the extension's isolated world, beside the content script: the page cannot
// see or call it.
import { loadAdapters } from './content/load-adapters';
import { watchExtras, type ExtrasWatcher } from '@/extension/extras/extras-watcher';

declare global {
  var __batonExtras: ExtrasWatcher | undefined;
}

export default defineUnlistedScript(() => {
  (globalThis.__batonExtras ??= watchExtras(loadAdapters)).readNow();
});
