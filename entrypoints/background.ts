import { startDealRelay } from '@/lib/messaging/deal-relay.background';
import { startCustomAdapterScripts } from '@/lib/extension/custom-adapter-scripts.background';

export default defineBackground(() => {
  startDealRelay();
  startCustomAdapterScripts();
});
