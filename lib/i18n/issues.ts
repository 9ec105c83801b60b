// Validation problems as data a person's language can be put on (issue 11,
// item 4): a zod issue becomes a FieldIssue — the field's path, a Baton issue
// code and its parameters — which the server sends in its 400 answers and the
// extension shows, in the UI language, next to the field it names. Both sides
// use the same mapping, so a problem found before sending reads exactly like
// the one the server finds.
import { formatPath } from '@/lib/crm/adapter-schema';
import type { Locale } from './locale';
import { en } from './messages.en';
import { translate, type MessageKey } from './translate';

/** One problem with one field. `path` as formatPath writes it: "ladder.stages[0].days", "(root)" for the whole input. */
export interface FieldIssue {
  path: string;
  /** an `issue.*` message key without the prefix, e.g. "atLeast", "required", "unknownKeys" */
  code: IssueCode;
  params?: Record<string, string | number>;
}

export const ISSUE_CODES = [
  'required',
  'notANumber',
  'wholeNumber',
  'wrongType',
  'atLeast',
  'above',
  'atMost',
  'below',
  'empty',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'date',
  'datetime',
  'url',
  'email',
  'format',
  'oneOf',
  'unknownKeys',
  'invalid',
  'noNul',
  'notText',
  'notJson',
  // refinements and server checks (lib schemas pass these as `params: { issue }`)
  'splitSum',
  'stageOnce',
  'ruleOnce',
  'rotationTwo',
  'serverSets',
  'tooManyFields',
  'channelFormat',
  'stageLine',
  'unknownUser',
  'beforeTo',
  'periodDays',
  'claimKey',
  'regex',
  'adapterId',
  'notForKind',
  'e164',
  'relayRoute',
  // reassignment (lib/reassign/rules.ts, plan.ts)
  'isLeaver',
  'receiverInactive',
  'receiverRole',
  'sameRole',
  'notInPlan',
  'notReceiver',
  'customerUnassigned',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** The minimal shape of a zod (v4) issue this module reads; the rest is read by name. */
export interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
}
type Loose = ZodIssueLike & Record<string, unknown>;

const isIssueCode = (v: unknown): v is IssueCode => typeof v === 'string' && (ISSUE_CODES as readonly string[]).includes(v);

function sizeIssue(i: Loose, small: boolean): Pick<FieldIssue, 'code' | 'params'> {
  const bound = Number(small ? i.minimum : i.maximum);
  const inclusive = i.inclusive !== false;
  if (i.origin === 'string') {
    if (small && bound === 1) return { code: 'empty' };
    return small ? { code: 'minLength', params: { min: bound } } : { code: 'maxLength', params: { max: bound } };
  }
  if (i.origin === 'array' || i.origin === 'set') return small ? { code: 'minItems', params: { min: bound } } : { code: 'maxItems', params: { max: bound } };
  if (small) return inclusive ? { code: 'atLeast', params: { min: bound } } : { code: 'above', params: { min: bound } };
  return inclusive ? { code: 'atMost', params: { max: bound } } : { code: 'below', params: { max: bound } };
}

function formatIssue(i: Loose): Pick<FieldIssue, 'code' | 'params'> {
  switch (i.format) {
    case 'datetime':
      return { code: 'datetime' };
    case 'date':
      return { code: 'date' };
    case 'url':
      return { code: 'url' };
    case 'email':
      return { code: 'email' };
    case 'regex':
      // the lib's date fields are YYYY-MM-DD patterns
      return String(i.pattern).includes('\\d{4}-\\d{2}-\\d{2}') ? { code: 'date' } : { code: 'format' };
    default:
      return { code: 'format' };
  }
}

/** One zod issue as a FieldIssue. */
export function fromZodIssue(issue: ZodIssueLike): FieldIssue {
  const i = issue as Loose;
  const path = formatPath(i.path);
  const at = (x: Pick<FieldIssue, 'code' | 'params'>): FieldIssue => ({ path, ...x });
  switch (i.code) {
    case 'invalid_type':
      if (/received undefined/.test(i.message)) return at({ code: 'required' });
      if (i.expected === 'int') return at({ code: 'wholeNumber' });
      if (i.expected === 'number') return at({ code: 'notANumber' });
      return at({ code: 'wrongType' });
    case 'too_small':
      return at(sizeIssue(i, true));
    case 'too_big':
      return at(sizeIssue(i, false));
    case 'invalid_format':
      return at(formatIssue(i));
    case 'invalid_value':
      return at({ code: 'oneOf', params: { values: (Array.isArray(i.values) ? i.values : []).map(String).join(', ') } });
    case 'unrecognized_keys':
      return at({ code: 'unknownKeys', params: { keys: (Array.isArray(i.keys) ? i.keys : []).map(String).join(', ') } });
    case 'invalid_union':
      return at(typeof i.discriminator === 'string' ? { code: 'oneOf', params: { values: (Array.isArray(i.options) ? i.options : []).map(String).join(', ') } } : { code: 'invalid' });
    case 'custom': {
      const code = (i.params as { issue?: unknown } | undefined)?.issue;
      return at(isIssueCode(code) ? { code } : { code: 'invalid' });
    }
    default:
      return at({ code: 'invalid' });
  }
}

/** Every issue of a zod error, first one per path (the one to fix first). */
export function fromZod(error: { issues: readonly ZodIssueLike[] }): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const i of error.issues) {
    const f = fromZodIssue(i);
    if (seen.has(f.path)) continue;
    seen.add(f.path);
    out.push(f);
  }
  return out;
}

/** What is wrong, without the field: "must be at least 1" / "不能小于 1". */
export function issueText(issue: FieldIssue, locale: Locale): string {
  // a claim key says why it is not usable, in the claim rules' own words
  const why = issue.code === 'claimKey' && issue.params?.reason ? `claim.keyError.${issue.params.reason}` : null;
  if (why && why in en) return translate(locale, why as MessageKey);
  return translate(locale, `issue.${issue.code}` as MessageKey, issue.params);
}

/** "Days of protection: must be at least 1" / "保护天数：不能小于 1". */
export function labelledIssue(issue: FieldIssue, label: string, locale: Locale): string {
  return translate(locale, 'issue.field', { field: label, problem: issueText(issue, locale) });
}
