// What Baton asks a team's model for, and how its answer becomes a draft
// (issue 19 item 4): "why we won" and "expectations" drafted from the
// packet's activities and notes, in the packet's language. The answer is a
// proposal the rep reads; nothing here writes to the packet.
import { z } from 'zod';
import type { Locale } from '@/lib/i18n/locale';
import type { Packet } from '@/lib/packet/schema';
import type { ChatMessage } from './chat-completion';

export const DRAFT_KINDS = ['whyWon', 'expectations'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** POST /v1/drafts: which packet, which section; `locale` = the reader's UI language (used when the packet has no text yet). */
export const draftBodySchema = z.strictObject({
  key: z.string().min(1).max(500),
  kind: z.enum(DRAFT_KINDS),
  locale: z.enum(['zh-CN', 'zh-TW', 'en']),
});
export type DraftBody = z.infer<typeof draftBodySchema>;

const short = z.string().max(4000).catch('');
/** A "why we won" draft: the two fields of the packet's section. */
export const whyWonDraftSchema = z.object({ decisivePoints: short, problemsToSolve: short });
/** An "expectations" draft: measurable goals and the feature asks. */
export const expectationsDraftSchema = z.object({
  goals: z.array(z.object({ goal: z.string().max(2000), target: z.string().max(2000).catch('') })).max(10).catch([]),
  featureAsks: short,
});

/** The draft as the server answers it: fields to propose, the model's raw text when it could not be read as fields. */
export const draftAnswerSchema = z.object({
  kind: z.enum(DRAFT_KINDS),
  language: z.enum(['zh-CN', 'zh-TW', 'en']),
  model: z.string(),
  whyWon: whyWonDraftSchema.nullable(),
  expectations: expectationsDraftSchema.nullable(),
  /** the whole answer text, shown when no field could be read from it */
  text: z.string(),
});
export type DraftAnswer = z.infer<typeof draftAnswerSchema>;

const LANGUAGE_NAME: Record<Locale, string> = { 'zh-CN': 'Simplified Chinese (简体中文)', 'zh-TW': 'Traditional Chinese (繁體中文)', en: 'English' };

const SHAPES: Record<DraftKind, string> = {
  whyWon: '{"decisivePoints": "<why the customer chose us: the decisive points>", "problemsToSolve": "<the problems the customer bought us to solve>"}',
  expectations: '{"goals": [{"goal": "<a goal>", "target": "<its measurable target and date>"}], "featureAsks": "<features the customer asked for>"}',
};

const TASK: Record<DraftKind, string> = {
  whyWon: 'Draft the "why we won" section of a sales-to-customer-success handoff: the decisive points and the problems the customer bought the product to solve.',
  expectations: 'Draft the "expectations and success metrics" section of a sales-to-customer-success handoff: the customer\'s goals, each with a measurable target ("cut data-entry time by 30% by June"), and the features they asked for.',
};

/** The material: the deal, the follow-up log, the notes and what stakeholders want. Empty parts are left out. */
function material(p: Packet): string {
  const lines: string[] = [];
  const d = p.deal;
  lines.push(`Deal: ${d.dealName ?? ''} — account ${d.accountName ?? ''}${d.amount !== null ? `, amount ${d.amount} ${d.currency ?? ''}` : ''}${d.stage ? `, stage ${d.stage}` : ''}`);
  if (p.profile.industry || p.profile.businessModel) lines.push(`Customer: ${[p.profile.industry, p.profile.size, p.profile.businessModel].filter(Boolean).join('; ')}`);
  const log = p.followUps.filter((f) => f.summary.trim());
  if (log.length) lines.push('Follow-up log (activities):', ...log.map((f) => `- ${f.date || '?'} ${f.kind}${f.who ? ` (${f.who})` : ''}: ${f.summary}`));
  const wants = p.stakeholders.filter((s) => s.wants.trim());
  if (wants.length) lines.push('What stakeholders want:', ...wants.map((s) => `- ${s.name || '?'} (${s.role}): ${s.wants}`));
  if (p.salesNotes.trim()) lines.push('Sales notes:', p.salesNotes);
  return lines.join('\n');
}

/** The chat messages for one draft: a system rule, then the task with the packet's material. */
export function draftMessages(p: Packet, kind: DraftKind, language: Locale): ChatMessage[] {
  return [
    {
      role: 'system',
      content: `You help a B2B sales rep write a handoff packet for the customer success team. Use only facts in the material; never invent names, numbers or dates. Write in ${LANGUAGE_NAME[language]}. Answer with one JSON object and nothing else.`,
    },
    { role: 'user', content: `${TASK[kind]}\nAnswer as: ${SHAPES[kind]}\n\nMaterial:\n${material(p)}` },
  ];
}

/** The first {...} of a model's text (models wrap JSON in ``` fences or a sentence). */
function firstObject(text: string): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return null;
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    return null;
  }
}

/**
 * A model's answer text as a draft: the section's fields when the text holds the
 * JSON asked for (fields of the wrong type become empty), else null fields and
 * the text alone. Empty goals are dropped.
 */
export function readDraft(kind: DraftKind, text: string): Pick<DraftAnswer, 'whyWon' | 'expectations' | 'text'> {
  const json = firstObject(text);
  if (kind === 'whyWon') {
    const r = whyWonDraftSchema.safeParse(json);
    const ok = r.success && (r.data.decisivePoints.trim() || r.data.problemsToSolve.trim());
    return { whyWon: ok ? r.data : null, expectations: null, text };
  }
  const r = expectationsDraftSchema.safeParse(json);
  const goals = r.success ? r.data.goals.filter((g) => g.goal.trim()) : [];
  const ok = r.success && (goals.length || r.data.featureAsks.trim());
  return { whyWon: null, expectations: ok ? { goals, featureAsks: r.data.featureAsks } : null, text };
}
