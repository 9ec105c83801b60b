// The relay panel (issue 16 item 1) shows where the customer is when the
// packet's relay has implementation in it, or implementation is looking; a
// sales → CS packet's sidebar is as before (the status says where it is).
import { expect, it } from 'vitest';
import { sectionsFor } from '@/components/shared/section';
import { sidebarSections, type SidebarFacts } from '@/components/sidebar/sections';

const shown = (facts: SidebarFacts) => sectionsFor(sidebarSections, facts).map((s) => s.id);

it('implementation sees the relay panel, no engagement; a three-stage packet shows the relay to the rep and CS too', () => {
  expect(shown({ role: 'implementation', deal: 'open', packet: 'accepted', relay: true })).toEqual(['deal', 'claim', 'relay', 'expansion', 'checklist', 'packet']);
  expect(shown({ role: 'implementation', deal: 'open', packet: 'submitted', relay: true })).toEqual(['deal', 'claim', 'relay', 'checklist', 'packet']);
  expect(shown({ role: 'rep', deal: 'open', packet: 'submitted', relay: true })).toContain('relay');
  expect(shown({ role: 'csm', deal: 'open', packet: 'submitted', relay: true })).toContain('relay');
  expect(shown({ role: 'rep', deal: 'open', packet: 'submitted', relay: false })).not.toContain('relay');
});
