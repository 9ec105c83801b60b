// The sales–CS sync meeting's agenda (lib/engagement/README.md, "Sync
// meeting"; seed 000: every two weeks) for a period [from, to): what the
// server gathered (returns, reviews, open conflicts, expansion opportunities)
// made into the four agenda sections, as data the options page renders and as
// Markdown to download. Rules:
// - returned packets: one entry per packet returned in the period, with how
//   many times and every reason given (the same item and reason once), oldest first;
// - retrospective findings: reviews submitted in the period, listing only the
//   sections judged wrong or missing and a profile fit other than "yes"; a
//   review with everything right and a fitting customer is only counted;
// - open claim conflicts: those open now and opened before the period's end, oldest first;
// - expansion opportunities: those whose date (the day the CSM logged it, UTC)
//   falls in the period, newest first; undated ones cannot be placed and are left out.
import { z } from 'zod';
import type { Locale } from '@/lib/i18n/locale';
import { translate } from '@/lib/i18n/translate';
import { ruleLabel, SECTION_LABELS, sectionLabel } from '@/lib/packet/labels';
import { PROFILE_FITS, REVIEW_SECTIONS, type ReviewSection, type Verdict } from './retrospective';

/** What the server reads for the period (GET /v1/team/sync-agenda builds the agenda from it). */
export interface AgendaInput {
  period: { from: string; to: string };
  returns: { key: string; deal: string; account: string; rep: string; at: string; reasons: { item: string; reason: string }[] }[];
  reviews: {
    key: string;
    deal: string;
    rep: string;
    csm: string;
    submittedAt: string;
    sections: Record<ReviewSection, { verdict: Verdict; note: string }>;
    profileFit: (typeof PROFILE_FITS)[number];
    profileNote: string;
  }[];
  conflicts: { id: number; customer: string; holder: string; opener: string; openedAt: string; evidence: string }[];
  opportunities: { key: string; deal: string; account: string; summary: string; value: number | null; currency: string; date: string }[];
}

const reasonSchema = z.object({ item: z.string(), reason: z.string() });
/** The agenda (GET /v1/team/sync-agenda answers it). */
export const syncAgendaSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  returned: z.array(z.object({ key: z.string(), deal: z.string(), account: z.string(), rep: z.string(), times: z.number(), lastAt: z.string(), reasons: z.array(reasonSchema) })),
  findings: z.object({
    reviews: z.number(),
    allRight: z.number(),
    items: z.array(
      z.object({
        key: z.string(),
        deal: z.string(),
        rep: z.string(),
        csm: z.string(),
        submittedAt: z.string(),
        sections: z.array(z.object({ section: z.enum(REVIEW_SECTIONS), verdict: z.enum(['wrong', 'missing']), note: z.string() })),
        profileFit: z.enum(PROFILE_FITS),
        profileNote: z.string(),
      }),
    ),
  }),
  conflicts: z.array(z.object({ id: z.number(), customer: z.string(), holder: z.string(), opener: z.string(), openedAt: z.string(), evidence: z.string() })),
  opportunities: z.array(z.object({ key: z.string(), deal: z.string(), account: z.string(), summary: z.string(), value: z.number().nullable(), currency: z.string(), date: z.string() })),
});
export type SyncAgenda = z.infer<typeof syncAgendaSchema>;

/** A return reason's checklist item, named by its section where it is one (shorter), else by the rule. */
export const itemLabel = (item: string, locale: Locale) => (SECTION_LABELS[item] ? sectionLabel(item, locale) : ruleLabel(item, locale));

const byTime = (a: string, b: string) => Date.parse(a) - Date.parse(b);

export function syncAgenda(input: AgendaInput): SyncAgenda {
  const from = Date.parse(input.period.from);
  const to = Date.parse(input.period.to);
  const inPeriod = (at: string) => Date.parse(at) >= from && Date.parse(at) < to;

  const returned = new Map<string, SyncAgenda['returned'][number]>();
  for (const r of [...input.returns].filter((x) => inPeriod(x.at)).sort((a, b) => byTime(a.at, b.at))) {
    const entry = returned.get(r.key) ?? { key: r.key, deal: r.deal, account: r.account, rep: r.rep, times: 0, lastAt: r.at, reasons: [] };
    entry.times += 1;
    entry.lastAt = r.at;
    for (const reason of r.reasons) if (!entry.reasons.some((x) => x.item === reason.item && x.reason === reason.reason)) entry.reasons.push(reason);
    returned.set(r.key, entry);
  }

  const reviews = input.reviews.filter((r) => inPeriod(r.submittedAt)).sort((a, b) => byTime(a.submittedAt, b.submittedAt));
  const items = reviews
    .map((r) => ({
      key: r.key,
      deal: r.deal,
      rep: r.rep,
      csm: r.csm,
      submittedAt: r.submittedAt,
      sections: REVIEW_SECTIONS.flatMap((section) => {
        const v = r.sections[section];
        return v.verdict === 'right' ? [] : [{ section, verdict: v.verdict, note: v.note }];
      }),
      profileFit: r.profileFit,
      profileNote: r.profileNote,
    }))
    .filter((r) => r.sections.length > 0 || r.profileFit !== 'yes');

  return {
    period: input.period,
    returned: [...returned.values()],
    findings: { reviews: reviews.length, allRight: reviews.length - items.length, items },
    conflicts: input.conflicts.filter((c) => Date.parse(c.openedAt) < to).sort((a, b) => byTime(a.openedAt, b.openedAt) || a.id - b.id),
    opportunities: input.opportunities
      .filter((o) => /^\d{4}-\d{2}-\d{2}$/.test(o.date) && inPeriod(`${o.date}T00:00:00Z`))
      .sort((a, b) => b.date.localeCompare(a.date) || a.deal.localeCompare(b.deal)),
  };
}

/** Text from the data as one Markdown line: line breaks folded, Markdown's marks escaped (the file is shared, never rendered here). */
export function mdText(s: string): string {
  return s
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** The agenda as a Markdown document in `locale`: a title with the period, then the four numbered sections. */
export function syncAgendaMarkdown(a: SyncAgenda, locale: Locale): string {
  const t = (key: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate(locale, key, p);
  const day = (iso: string) => iso.slice(0, 10);
  // The period's end is exclusive; people read the last day it covers.
  const lastDay = new Date(Date.parse(a.period.to) - 1).toISOString().slice(0, 10);
  const none = [`- ${t('agenda.none')}`];
  const lines = [`# ${t('agenda.title', { from: day(a.period.from), to: lastDay })}`, ''];
  const section = (n: number, title: string, body: string[]) => lines.push(`## ${n}. ${title}`, '', ...(body.length ? body : none), '');

  section(
    1,
    t('agenda.returned', { n: a.returned.length }),
    a.returned.flatMap((r) => [
      `- **${mdText(r.deal || r.key)}**${r.account ? ` (${mdText(r.account)})` : ''} — ${t('agenda.returnedBy', { rep: mdText(r.rep), n: r.times, at: day(r.lastAt) })}`,
      ...r.reasons.map((x) => `  - ${itemLabel(x.item, locale)}${t('agenda.colon')}${mdText(x.reason)}`),
    ]),
  );
  section(2, t('agenda.findings', { n: a.findings.reviews, ok: a.findings.allRight }), a.findings.items.flatMap((r) => [
    `- **${mdText(r.deal || r.key)}** — ${t('agenda.reviewBy', { rep: mdText(r.rep), csm: mdText(r.csm), at: day(r.submittedAt) })}`,
    ...r.sections.map((s) => `  - ${sectionLabel(s.section, locale)}${t('agenda.colon')}${t(`retro.verdict.${s.verdict}`)}${s.note ? ` — ${mdText(s.note)}` : ''}`),
    ...(r.profileFit !== 'yes' ? [`  - ${t('retro.profileFit')}${t('agenda.colon')}${t(`retro.fit.${r.profileFit}`)}${r.profileNote ? ` — ${mdText(r.profileNote)}` : ''}`] : []),
  ]));
  section(3, t('agenda.conflicts', { n: a.conflicts.length }), a.conflicts.map((c) => `- **${mdText(c.customer)}** — ${t('agenda.conflictLine', { holder: mdText(c.holder), opener: mdText(c.opener), at: day(c.openedAt) })}${c.evidence ? `${t('agenda.colon')}${mdText(c.evidence)}` : ''}`));
  section(4, t('agenda.opportunities', { n: a.opportunities.length }), a.opportunities.map((o) => `- ${o.date} **${mdText(o.deal || o.key)}**${o.account ? ` (${mdText(o.account)})` : ''}${t('agenda.colon')}${mdText(o.summary)}${o.value !== null ? ` — ${o.value.toLocaleString('en-US')}${o.currency ? ` ${o.currency}` : ''}` : ''}`));
  return lines.join('\n').replace(/\n+$/, '\n');
}
