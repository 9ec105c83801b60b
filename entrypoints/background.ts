import { startDealRelay } from '@/extension/messaging/deal-relay.background';
import { startDbPort } from '@/extension/db/db-port.background';
import { startSync } from '@/extension/sync/sync.background';
import { startCustomAdapterScripts } from '@/extension/adapters/custom-adapter-scripts.background';

export default defineBackground(() => {
  startDealRelay();
  startDbPort();
  startSync();
  startCustomAdapterScripts();
});
