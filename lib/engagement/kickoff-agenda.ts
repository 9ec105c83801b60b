// The kickoff agenda drafted from the packet (lib/engagement/README.md,
// "After acceptance"): introductions and roles, what was bought and why, KPIs,
// onboarding steps, proposed timeline — as sections the kickoff page renders
// (and prints), or as Markdown to paste anywhere. Drafted only from the
// packet's customer-facing view (customer-facing.ts): the agenda is shared with
// the customer, so no internal section reaches it.
import * as z from 'zod/mini';
import { fillPlaceholders } from '@/lib/i18n/fill-placeholders';
import { LOCALES } from '@/lib/i18n/locale';
import type { Packet } from '@/lib/packet/schema';
import { customerFacing } from './customer-facing';
import type { IntroLanguage } from './intro-email';
import texts from './kickoff-agenda.text.json';

export interface AgendaSection {
  title: string;
  items: string[];
}

const text = z.string().check(z.minLength(1));
/** One language's texts; `{name}` marks a value filled in when drafting. */
const agendaTextSchema = z.object({
  title: text,
  titleFor: text,
  intro: text,
  csm: text,
  rep: text,
  bought: text,
  termMonths: text,
  termStart: text,
  kpis: text,
  none: text,
  steps: text,
  defaultSteps: z.array(text).check(z.minLength(1)),
  timeline: text,
  open: text,
  start: text,
  colon: text,
  comma: text,
});
// The texts are data, one object per language in kickoff-agenda.text.json, checked when this module loads.
const T = z.record(z.enum(LOCALES), agendaTextSchema).parse(texts);

export function kickoffAgenda(p: Packet, csmName: string, lang: IntroLanguage): { title: string; sections: AgendaSection[] } {
  const t = T[lang];
  const c = customerFacing(p);
  const people = c.people.map((s) => [s.name, s.title].filter(Boolean).join(t.comma));
  const bought = [
    ...c.purchases.map((x) => (x.quantity ? `${x.product} × ${x.quantity}` : x.product)),
    [c.termMonths ? fillPlaceholders(t.termMonths, { months: c.termMonths }) : '', c.startDate ? fillPlaceholders(t.termStart, { start: c.startDate }) : '']
      .filter(Boolean)
      .join(t.comma),
    c.problemsToSolve,
  ].filter(Boolean);
  const kpis = c.goals.map((g) => [g.goal, g.target, g.due].filter(Boolean).join(' — '));
  const open = c.openItems.map((o) => [o.text, o.owner, o.due].filter(Boolean).join(' — '));
  const timeline = [...(c.startDate ? [`${c.startDate}${t.colon}${t.start}`] : []), ...c.milestones.map((m) => (m.date ? `${m.date}${t.colon}${m.text}` : m.text))];
  return {
    title: c.customer ? fillPlaceholders(t.titleFor, { customer: c.customer }) : t.title,
    sections: [
      { title: t.intro, items: [fillPlaceholders(t.csm, { csm: csmName }), ...(c.rep ? [fillPlaceholders(t.rep, { rep: c.rep })] : []), ...people] },
      { title: t.bought, items: bought.length ? bought : [t.none] },
      { title: t.kpis, items: kpis.length ? kpis : [t.none] },
      { title: t.steps, items: [...t.defaultSteps, ...open.map((o) => `${t.open}${t.colon}${o}`)] },
      { title: t.timeline, items: timeline.length ? timeline : [t.none] },
    ],
  };
}

export function agendaMarkdown(a: { title: string; sections: AgendaSection[] }): string {
  return [`# ${a.title}`, ...a.sections.flatMap((s, i) => ['', `## ${i + 1}. ${s.title}`, '', ...s.items.map((x) => `- ${x}`)])].join('\n') + '\n';
}
