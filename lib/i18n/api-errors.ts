// A server (or background) error answer in the reader's language. The server
// sends {error: {code, message, path, issues?, ...details}}; `message` is its
// English for API users, the UI never shows it when it knows the code. Field
// problems (code "invalid") come back as issues with the label of the field,
// for the form to place next to it.
import { z } from 'zod';
import { ROLES } from '@/lib/packet/edit-rights';
import { PACKET_STATUSES } from '@/lib/packet/schema';
import { fieldLabel, formIssue, type FormId } from './field-labels';
import { labelledIssue, ISSUE_CODES, type FieldIssue } from './issues';
import type { Locale } from './locale';
import { translate, type MessageKey } from './translate';
import { en } from './messages.en';

const fieldIssueSchema = z.object({ path: z.string(), code: z.enum(ISSUE_CODES), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });

/** The `error` of an answer: code, English message, field path, issues (those this reader does not know are left out) and details. */
export const apiErrorBodySchema = z.looseObject({
  code: z.string(),
  message: z.string(),
  path: z.string().nullable().optional(),
  issues: z
    .array(z.unknown())
    .transform((list) =>
      list.flatMap((i): FieldIssue[] => {
        const p = fieldIssueSchema.safeParse(i);
        return p.success ? [p.data] : [];
      }),
    )
    .optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

/** Every 4xx/5xx answer's body: {error: {code, message, path?, issues?, ...details}} (server/http/errors.ts). */
export const errorAnswerSchema = z.object({ error: apiErrorBodySchema });
export type ErrorAnswer = z.infer<typeof errorAnswerSchema>;

/** The error an answer's body carries, or null when it carries none (or not in this shape). */
export function errorOfBody(json: unknown): ApiErrorBody | null {
  const parsed = errorAnswerSchema.safeParse(json);
  return parsed.success ? parsed.data.error : null;
}

/** A field problem ready to show: the path to place it by, the label and the whole sentence. */
export interface PlacedIssue extends FieldIssue {
  label: string;
  text: string;
}

// Details that name a role or a packet status are shown in the reader's words.
const ROLE_NAMES = new Set<string>(ROLES);
const STATUSES = new Set<string>(PACKET_STATUSES);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Details as message parameters: roles and statuses named, instants as local times, lists joined. */
function params(e: ApiErrorBody, locale: Locale, status?: number): Record<string, string | number> {
  const out: Record<string, string | number> = status === undefined ? {} : { status };
  const sep = locale === 'en' ? ', ' : '、';
  const word = (v: unknown): string => {
    const s = String(v);
    if (ROLE_NAMES.has(s)) return translate(locale, `role.${s}` as MessageKey);
    if (STATUSES.has(s)) return translate(locale, `status.${s}` as MessageKey);
    if (ISO_INSTANT.test(s) && !Number.isNaN(Date.parse(s))) return new Date(s).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return s;
  };
  for (const [k, v] of Object.entries(e)) {
    if (k === 'code' || k === 'message' || k === 'path' || k === 'issues') continue;
    if (Array.isArray(v)) out[k] = v.map(word).join(locale === 'en' && k === 'allowed' ? ' or ' : sep);
    else if (typeof v === 'number') out[k] = v;
    else if (typeof v === 'string') out[k] = word(v);
  }
  return out;
}

/** The field issues of an answer: its `issues`, or one made from `path` for older answers. */
export function answerIssues(e: ApiErrorBody): FieldIssue[] {
  if (Array.isArray(e.issues) && e.issues.length) return e.issues.filter((i) => (ISSUE_CODES as readonly string[]).includes(i.code));
  return e.code === 'invalid' && e.path ? [{ path: e.path, code: 'invalid' }] : [];
}

/** Labels and sentences for field issues of `form` (input: what was sent, to name list entries). */
export function placeIssues(issues: FieldIssue[], locale: Locale, form?: FormId, input?: unknown): PlacedIssue[] {
  return issues.map((issue) => {
    const i = form ? formIssue(form, issue) : issue;
    const label = (form && fieldLabel(form, i.path, locale, input)) ?? i.path;
    return { ...i, label, text: labelledIssue(i, label, locale) };
  });
}

/**
 * One sentence for an error answer (status 0: no answer at all). Field
 * problems are named by label; a code the catalogue does not know falls back
 * to the server's own words rather than nothing.
 */
export function apiErrorText(e: ApiErrorBody | null | undefined, locale: Locale, opts: { status?: number; form?: FormId; input?: unknown } = {}): string {
  if (!e) return translate(locale, 'error.unknown', { status: opts.status ?? 0 });
  const issues = answerIssues(e);
  if (issues.length) return placeIssues(issues, locale, opts.form, opts.input).map((i) => i.text).join(locale === 'en' ? '; ' : '；');
  if (e.code === 'forbidden' && Array.isArray(e.allowed)) return translate(locale, 'error.forbiddenRoles', params(e, locale));
  const key = `error.${e.code}`;
  if (key in en) return translate(locale, key as MessageKey, params(e, locale, opts.status));
  return e.message || translate(locale, 'error.unknown', { status: opts.status ?? 0 });
}
