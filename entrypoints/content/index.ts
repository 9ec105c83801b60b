import { crmHostMatches } from '@/lib/crm/host-matches';
import { startDealWatcher } from './deal-watcher';

// Runs in the CRM page (isolated world). It detects the deal, reads the page
// and mounts the sidebar as an extension-page iframe. It never opens IndexedDB
// and never holds the API token (docs/architecture.md).
export default defineContentScript({
  matches: crmHostMatches,
  runAt: 'document_idle',
  main(ctx) {
    startDealWatcher(ctx.signal);
  },
});
