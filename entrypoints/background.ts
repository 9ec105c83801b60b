import { startDealRelay } from '@/lib/messaging/deal-relay.background';
import { startDbPort } from '@/lib/db/db-port.background';
import { startSync } from '@/lib/db/sync.background';
import { startCustomAdapterScripts } from '@/lib/extension/custom-adapter-scripts.background';

export default defineBackground(() => {
  startDealRelay();
  startDbPort();
  startSync();
  startCustomAdapterScripts();
});
