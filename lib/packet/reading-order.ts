// The order a CSM reads a submitted packet in (issue: "risks and open items
// first"): what can hurt the customer first, then everything else in the
// packet's own order.
import type { SectionSpec } from './sections';

const FIRST = ['risks', 'doneAndOpen'];

export function readingOrder(sections: SectionSpec[]): SectionSpec[] {
  const first = FIRST.map((id) => sections.find((s) => s.id === id)).filter((s): s is SectionSpec => !!s);
  return [...first, ...sections.filter((s) => !FIRST.includes(s.id))];
}
