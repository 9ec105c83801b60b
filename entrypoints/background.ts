import { startDealRelay } from '@/lib/messaging/deal-relay.background';

export default defineBackground(() => {
  startDealRelay();
});
