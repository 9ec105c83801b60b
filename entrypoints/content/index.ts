import { crmHostMatches } from '@/lib/crm/host-matches';

export default defineContentScript({
  matches: crmHostMatches,
  main() {
    // filled in below
  },
});
