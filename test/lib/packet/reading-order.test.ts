import { describe, expect, it } from 'vitest';
import { readingOrder } from '@/lib/packet/reading-order';
import { SECTIONS } from '@/lib/packet/sections';

describe('reading order for the CSM', () => {
  it('risks and open items first, then the packet in its own order, nothing lost or doubled', () => {
    const ids = readingOrder(SECTIONS).map((s) => s.id);
    expect(ids.slice(0, 2)).toEqual(['risks', 'doneAndOpen']);
    expect(ids.slice(2)).toEqual(SECTIONS.map((s) => s.id).filter((id) => id !== 'risks' && id !== 'doneAndOpen'));
    expect(new Set(ids).size).toBe(SECTIONS.length);
  });
});
