// SPA navigation seen from a content script. Its isolated world has its own
// `history` object, so patching pushState there would miss the page's calls;
// instead: the Navigation API where the browser has it, popstate/hashchange,
// and a cheap href poll that catches everything else.
export function watchUrl(win: Window, onChange: (href: string) => void, signal: AbortSignal): void {
  let last = win.location.href;
  const check = () => {
    const href = win.location.href;
    if (href !== last) {
      last = href;
      onChange(href);
    }
  };
  const opts = { signal } as AddEventListenerOptions;
  const nav = (win as unknown as { navigation?: EventTarget }).navigation;
  if (nav && typeof nav.addEventListener === 'function') {
    nav.addEventListener('navigatesuccess', check, opts);
    nav.addEventListener('currententrychange', () => setTimeout(check, 0), opts);
  }
  win.addEventListener('popstate', check, opts);
  win.addEventListener('hashchange', check, opts);
  const poll = setInterval(check, 300);
  signal.addEventListener('abort', () => clearInterval(poll));
}
