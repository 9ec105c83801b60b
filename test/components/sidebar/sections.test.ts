// Which sidebar sections show, by what the tab says, the packet's status and
// the role (the registry in components/sidebar/sections.tsx).
import { describe, expect, it } from 'vitest';
import { sectionsFor } from '@/components/shared/section';
import { sidebarSections, type SidebarFacts } from '@/components/sidebar/sections';

const shown = (facts: SidebarFacts) => sectionsFor(sidebarSections, facts).map((s) => s.id);
const ROLES = [undefined, 'rep', 'csm', 'manager', 'admin'];

describe('sidebar sections', () => {
  it.each(ROLES)('role %s: a spinner while the tab is asked, a note on a page with no deal', (role) => {
    expect(shown({ role, deal: 'asking', packet: null })).toEqual(['asking']);
    expect(shown({ role, deal: 'none', packet: null })).toEqual(['no-deal']);
  });

  it.each(ROLES)('role %s: on a deal, the deal and its claim, and a spinner until the packet opens', (role) => {
    expect(shown({ role, deal: 'open', packet: null })).toEqual(['deal', 'claim', 'opening']);
  });

  it.each<[string | undefined, string[]]>([
    [undefined, ['deal', 'claim', 'engagement', 'checklist', 'packet']],
    ['rep', ['deal', 'claim', 'engagement', 'checklist', 'packet']],
    ['csm', ['deal', 'claim', 'checklist', 'packet']],
    ['manager', ['deal', 'claim', 'engagement', 'checklist', 'packet']],
    ['admin', ['deal', 'claim', 'engagement', 'checklist', 'packet']],
  ])('before acceptance, role %s: engagement for all but CSMs', (role, ids) => {
    for (const packet of ['draft', 'submitted', 'returned'] as const) expect(shown({ role, deal: 'open', packet }), packet).toEqual(ids);
  });

  it.each<[string | undefined, string[]]>([
    [undefined, ['deal', 'claim', 'expansion', 'checklist', 'packet']],
    ['rep', ['deal', 'claim', 'expansion', 'checklist', 'packet']],
    ['csm', ['deal', 'claim', 'intro', 'expansion', 'checklist', 'packet']],
    ['manager', ['deal', 'claim', 'intro', 'expansion', 'checklist', 'packet']],
    ['admin', ['deal', 'claim', 'intro', 'expansion', 'checklist', 'packet']],
  ])('after acceptance, role %s: the intro for reviewers, expansion for all, no engagement', (role, ids) => {
    expect(shown({ role, deal: 'open', packet: 'accepted' })).toEqual(ids);
  });

  it('ids are unique (they are the React keys)', () => {
    const ids = sidebarSections.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
