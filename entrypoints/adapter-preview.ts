// Injected on demand by the options page's "test on the open tab": reads the
// open page with the adapter definition being edited and leaves the result for
// the options page to collect. Never mounts anything, never stores anything.
import { detectDeal } from '@/lib/crm/detect-deal';
import { readSnapshot } from '@/lib/crm/read-snapshot';
import type { AdapterDefinition } from '@/lib/crm/adapter-schema';

declare global {
  interface Window {
    __batonPreviewDef?: AdapterDefinition;
    __batonPreviewResult?: unknown;
  }
}

export default defineUnlistedScript(() => {
  const def = window.__batonPreviewDef;
  if (!def) return;
  const hit = detectDeal(location.href, [def], document);
  const dealPage = hit && def.dealPageTest ? document.querySelector(def.dealPageTest) !== null : hit !== null;
  window.__batonPreviewResult = {
    href: location.href,
    identity: hit?.identity ?? null,
    dealPage,
    snapshot: hit ? readSnapshot(document, def) : null,
  };
});
