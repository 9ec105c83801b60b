// The retrospective's items under "needs me" (issue 16): reviews due (for whoever
// accepts packets) and reviews of a rep's handoffs; each opens the options
// page's retrospectives card (the first due review's form already open).
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { MessageKey } from '@/lib/i18n/translate';

export interface NeedItem {
  key: string;
  text: string;
  open: () => void;
}

export function useRetrospectiveNeeds(role: string, t: (key: MessageKey, p?: Record<string, string | number>) => string): NeedItem[] {
  const [found, setFound] = useState<{ due: string[]; reviewed: number } | null>(null);
  const reviewer = role === 'csm' || role === 'manager' || role === 'admin';
  useEffect(() => {
    if (role !== 'rep' && !reviewer) return setFound(null);
    let live = true;
    void import('./retrospective-needs').then(({ retrospectiveNeeds }) => retrospectiveNeeds(reviewer)).then((r) => live && setFound(r));
    return () => void (live = false);
  }, [role, reviewer]);
  const open = (review?: string) => () => void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${review ? `?review=${encodeURIComponent(review)}` : ''}#retrospectives`) });
  const items: NeedItem[] = [];
  if (found?.due.length) items.push({ key: 'retrospectives', text: t('needs.retrospectives', { n: found.due.length }), open: open(found.due[0]) });
  if (found?.reviewed) items.push({ key: 'reviewed', text: t('needs.reviewed', { n: found.reviewed }), open: open() });
  return items;
}
