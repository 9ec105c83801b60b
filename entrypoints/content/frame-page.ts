// In the bench build only (`wxt build --mode bench`), a CRM page opened with
// `#baton-bench=empty-frame` gets an empty extension page instead of the
// sidebar: the reference for the sidebar's time to interactive (see
// bench/sidebar.bench.ts). The mode is a build-time constant, so production
// builds drop this branch and do not contain the page.
import { browser } from 'wxt/browser';

/** URL of the empty reference page when this load asked for it in a bench build; otherwise null. */
export function benchFrameUrl(): string | null {
  if (import.meta.env.MODE !== 'bench' || !location.hash.includes('baton-bench=empty-frame')) return null;
  // Not in the generated PublicPath type: the page is left out of other builds.
  return (browser.runtime.getURL as (path: string) => string)('/bench-frame.html');
}
