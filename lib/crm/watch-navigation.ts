// SPA navigation seen from a content script. Its isolated world has its own
// `history` object, so patching pushState there would miss the page's calls;
// instead: the Navigation API where the browser has it, popstate/hashchange,
// and a cheap href poll that catches everything else.
/**
 * Calls `onChange(href, at)` when the tab's URL changes; `at` (performance.now()
 * ms) is when the old URL was last seen, so nothing rendered after it is taken
 * for the old page's.
 */
export function watchUrl(win: Window, onChange: (href: string, at: number) => void, signal: AbortSignal): void {
  let last = win.location.href;
  let seenAt = win.performance.now();
  const check = () => {
    const href = win.location.href;
    if (href !== last) {
      last = href;
      onChange(href, seenAt);
    }
    seenAt = win.performance.now();
  };
  const opts = { signal } as AddEventListenerOptions;
  const nav = (win as unknown as { navigation?: EventTarget }).navigation;
  if (nav && typeof nav.addEventListener === 'function') {
    nav.addEventListener('navigatesuccess', check, opts);
    nav.addEventListener('currententrychange', () => setTimeout(check, 0), opts);
    // Fires as the page calls pushState, before it renders the new record.
    nav.addEventListener('navigate', () => (seenAt = win.performance.now()), opts);
  }
  win.addEventListener('popstate', check, opts);
  win.addEventListener('hashchange', check, opts);
  const poll = setInterval(check, 300);
  signal.addEventListener('abort', () => clearInterval(poll));
}
