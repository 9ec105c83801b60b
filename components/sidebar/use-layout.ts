// The sidebar's remembered layout (collapsed, width, push/overlay per CRM). The
// content script sizes the iframe from the same storage key. Alt+Shift+B in the
// sidebar collapses or opens it (the content script listens in the page).
import { useCallback, useEffect, useState } from 'react';
import { readStored, watchStored, writeStored } from '@/extension/messaging/storage';
import { SIDEBAR_LAYOUT } from '@/extension/messaging/storage-keys';
import { isToggleKey, parseLayout, type SidebarLayout } from '@/lib/sidebar/layout';

export function useLayout(): [SidebarLayout | null, (next: Partial<SidebarLayout>) => void] {
  const [layout, setLayout] = useState<SidebarLayout | null>(null);
  useEffect(() => {
    void readStored(SIDEBAR_LAYOUT).then(setLayout);
    return watchStored(SIDEBAR_LAYOUT, setLayout);
  }, []);
  const update = useCallback((next: Partial<SidebarLayout>) => {
    setLayout((cur) => {
      const merged = parseLayout({ ...(cur ?? {}), ...next });
      void writeStored(SIDEBAR_LAYOUT, merged);
      return merged;
    });
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isToggleKey(e)) return;
      e.preventDefault();
      setLayout((cur) => {
        const merged = parseLayout({ ...(cur ?? {}), collapsed: !cur?.collapsed });
        void writeStored(SIDEBAR_LAYOUT, merged);
        return merged;
      });
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  return [layout, update];
}
