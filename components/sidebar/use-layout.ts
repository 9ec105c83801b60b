// The sidebar's remembered layout (collapsed, width, push/overlay per CRM). The
// content script sizes the iframe from the same storage key. Alt+Shift+B in the
// sidebar collapses or opens it (the content script listens in the page).
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { isToggleKey, LAYOUT_KEY, parseLayout, type SidebarLayout } from '@/lib/sidebar/layout';

export function useLayout(): [SidebarLayout | null, (next: Partial<SidebarLayout>) => void] {
  const [layout, setLayout] = useState<SidebarLayout | null>(null);
  useEffect(() => {
    void browser.storage.local.get(LAYOUT_KEY).then((got) => setLayout(parseLayout(got[LAYOUT_KEY])));
    const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes[LAYOUT_KEY]) setLayout(parseLayout(changes[LAYOUT_KEY].newValue));
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);
  const update = useCallback((next: Partial<SidebarLayout>) => {
    setLayout((cur) => {
      const merged = parseLayout({ ...(cur ?? {}), ...next });
      void browser.storage.local.set({ [LAYOUT_KEY]: merged });
      return merged;
    });
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isToggleKey(e)) return;
      e.preventDefault();
      setLayout((cur) => {
        const merged = parseLayout({ ...(cur ?? {}), collapsed: !cur?.collapsed });
        void browser.storage.local.set({ [LAYOUT_KEY]: merged });
        return merged;
      });
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  return [layout, update];
}
