// Who sees which options-page section (issue 11's role rules, as the registry
// in components/options/sections.ts holds them).
import { describe, expect, it } from 'vitest';
import { optionsSections, type OptionsContext } from '@/components/options/sections';
import { sectionsFor } from '@/components/shared/section';

const shown = (ctx: OptionsContext) => sectionsFor(optionsSections, ctx).map((s) => s.id);
// The team chat webhooks card (issue 17), how people sign in (issue 15), the drafting model (issue 19) and reassigning a person's customers (issue 16) are the managers' and admins' too.
// The sync meeting's agenda (issue 16) is theirs too; the retrospectives card is everyone's who hands off or receives.
const TEAM_CARDS = ['claims', 'team-health', 'health-trends', 'sync-agenda', 'reassign', 'template', 'engagement', 'relay', 'webhooks', 'sign-in-policy', 'drafting'];

describe('options sections by role', () => {
  it.each<[string, OptionsContext, string[]]>([
    ['not yet known (storage has not answered)', { known: false, role: undefined }, ['sign-in']],
    ['signed out: this browser’s own adapter', { known: true, role: undefined }, ['sign-in', 'custom-adapter']],
    ['rep', { known: true, role: 'rep' }, ['sign-in', 'retrospectives']],
    ['csm', { known: true, role: 'csm' }, ['sign-in', 'retrospectives']],
    ['manager: the team’s cards', { known: true, role: 'manager' }, ['sign-in', 'retrospectives', ...TEAM_CARDS]],
    ['admin: the team’s cards, the people and the adapter', { known: true, role: 'admin' }, ['sign-in', 'retrospectives', ...TEAM_CARDS, 'users', 'custom-adapter']],
  ])('%s', (_name, ctx, ids) => {
    expect(shown(ctx)).toEqual(ids);
  });

  it('an unknown role string sees no team card and no adapter editor', () => {
    expect(shown({ known: true, role: 'owner' })).toEqual(['sign-in']);
  });

  it('ids are unique (they are the React keys)', () => {
    const ids = optionsSections.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
