// Which language a packet is written in, so a draft comes back in it (issue 19:
// "in the packet's language"): the script most of the rep's own text uses.
import { isTraditional } from '@/lib/claims/fold-traditional';
import type { Locale } from '@/lib/i18n/locale';
import type { Packet } from '@/lib/packet/schema';

/** The text a rep wrote in the packet (not the CRM's field names or values). */
function repText(p: Packet): string {
  return [
    p.salesNotes,
    p.whyWon.decisivePoints,
    p.whyWon.problemsToSolve,
    p.featureAsks,
    p.delivered,
    p.assessment.summary,
    ...p.followUps.map((f) => f.summary),
    ...p.goals.flatMap((g) => [g.goal, g.target]),
    ...p.stakeholders.map((s) => s.wants),
    ...p.risks.items.map((r) => r.text),
  ].join('\n');
}

/**
 * zh-CN or zh-TW when Han characters outnumber Latin letters in the rep's text
 * (zh-TW when it has a character only Traditional text uses:
 * lib/claims/fold-traditional.ts), en when letters do, `fallback` (the
 * reader's UI language) when the packet has no text of the rep's yet.
 */
export function packetLanguage(p: Packet, fallback: Locale): Locale {
  const text = repText(p);
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  if (han === 0 && latin === 0) return fallback;
  if (han >= latin) return isTraditional(text) ? 'zh-TW' : 'zh-CN';
  return 'en';
}
