// A popup list that renders only the rows in view (and a few around them), in
// its own scroll box: the popup opens as fast with a thousand claims or
// packets cached as with ten (issue 14). @tanstack/react-virtual does the
// windowing; each row keeps its own markup and test hooks. Keyboard: the box
// is focusable, ↑/↓/PgUp/PgDn/Home/End move focus from row to row (to the
// row's link or button), and Tab walks the rendered rows as in any list.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef, type KeyboardEvent, type Key, type ReactNode } from 'react';

/**
 * What a row spreads onto its `<li>`: where it sits in the list (also for
 * screen readers, "5 of 1,000", since most rows are not in the DOM), and the
 * ref that measures its height.
 */
export interface RowProps {
  'data-index': number;
  'aria-posinset': number;
  'aria-setsize': number;
  ref: (el: HTMLLIElement | null) => void;
  tabIndex: -1;
}

interface Props<T> {
  items: readonly T[];
  rowKey: (item: T) => Key;
  /** a row's usual height, px (rows are measured once rendered) */
  rowHeight: number;
  /** the box's height when the list is longer than that, px */
  maxHeight: number;
  /** the box's accessible name */
  label: string;
  className?: string;
  children: (item: T, row: RowProps) => ReactNode;
}

const STEP: Record<string, (i: number, page: number, last: number) => number> = {
  ArrowDown: (i) => i + 1,
  ArrowUp: (i) => i - 1,
  PageDown: (i, page) => i + page,
  PageUp: (i, page) => i - page,
  Home: () => 0,
  End: (_i, _page, last) => last,
};

export function VirtualList<T>({ items, rowKey, rowHeight, maxHeight, label, className, children }: Props<T>) {
  const box = useRef<HTMLDivElement>(null);
  // Stable while the rows and their height are: the virtualizer recomputes
  // every row's position when either callback changes (a thousand rows at
  // each of the popup's first renders, otherwise).
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const getItemKey = useCallback((i: number) => rowKey(items[i]!), [items, rowKey]);
  const list = useVirtualizer({
    count: items.length,
    getScrollElement: () => box.current,
    estimateSize,
    getItemKey,
    overscan: 4,
    // Rows on the first render, before the box has been measured.
    initialRect: { width: 0, height: maxHeight },
  });
  const rows = list.getVirtualItems();
  const before = rows[0]?.start ?? 0;
  const after = list.getTotalSize() - (rows.at(-1)?.end ?? 0);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const step = STEP[e.key];
    if (!step || !items.length) return;
    const at = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-index]');
    const current = at && box.current?.contains(at) ? Number(at.dataset.index) : -1;
    const next = Math.max(0, Math.min(items.length - 1, step(current, Math.max(1, Math.floor(maxHeight / rowHeight) - 1), items.length - 1)));
    e.preventDefault();
    list.scrollToIndex(next, { align: 'auto' });
    // The row may render only after the scroll: focus it on the next frames.
    const focus = (tries: number) => {
      const row = box.current?.querySelector<HTMLElement>(`[data-index="${next}"]`);
      if (row) (row.querySelector<HTMLElement>('a[href], button') ?? row).focus();
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    requestAnimationFrame(() => focus(5));
  }

  return (
    <div ref={box} className="vlist" style={{ maxHeight }} tabIndex={0} role="region" aria-label={label} onKeyDown={onKeyDown}>
      <ul className={className} style={{ paddingTop: before, paddingBottom: after }}>
        {rows.map((r) => children(items[r.index]!, { 'data-index': r.index, 'aria-posinset': r.index + 1, 'aria-setsize': items.length, ref: list.measureElement, tabIndex: -1 }))}
      </ul>
    </div>
  );
}
