// Input validation with the shared zod schemas. A 400 names every problem
// field by field: `issues` (path, issue code, parameters — the extension puts
// them in the UI language next to the field) and an English `message` that
// names each field by its label ("Days of protection: must be at least 1"),
// for API users; `path` is the first problem's path ("mutations[0].op.kind").
import type { Context } from 'hono';
import type { z } from 'zod';
import { formatPath } from '@/lib/crm/adapter-schema';
import { placeIssues } from '@/lib/i18n/api-errors';
import type { FormId } from '@/lib/i18n/field-labels';
import { fromZod, type FieldIssue } from '@/lib/i18n/issues';
import { ApiError } from './errors';

const MAX_ISSUES = 20;

/** A 400 for these field issues; `where` ("query", "params.id") prefixes the paths of what is not the body. */
export function invalidInput(issues: FieldIssue[], opts: { where?: string; form?: FormId; input?: unknown; extra?: Record<string, unknown> } = {}): ApiError {
  const where = opts.where ?? 'body';
  const scoped = issues.slice(0, MAX_ISSUES).map((i) => (where === 'body' ? i : { ...i, path: i.path === '(root)' ? where : `${where}.${i.path}` }));
  const english = placeIssues(issues.slice(0, MAX_ISSUES), 'en', opts.form, opts.input)
    .map((i) => i.text)
    .join('; ');
  return new ApiError(400, 'invalid', english || 'invalid input', scoped[0]?.path ?? null, { ...opts.extra, issues: scoped });
}

/** The 400 for a failed zod parse. */
export function zodInvalid(error: z.ZodError, opts: { where?: string; form?: FormId; input?: unknown } = {}): ApiError {
  return invalidInput(fromZod(error), opts);
}

// PostgreSQL text and jsonb cannot hold U+0000, nor a lone UTF-16 surrogate
// (JSON may carry "\ud800"; it is no character and no UTF-8): refused here with
// the field's path rather than failing in the database (a 500 that also made
// the extension resend the same batch forever).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const badText = (s: string): 'noNul' | 'notText' | null => (s.includes('\u0000') ? 'noNul' : LONE_SURROGATE.test(s) ? 'notText' : null);

function badTextAt(v: unknown, path: (string | number)[], depth = 0): { path: (string | number)[]; code: 'noNul' | 'notText' } | null {
  if (typeof v === 'string') {
    const code = badText(v);
    return code ? { path, code } : null;
  }
  if (depth > 200 || v === null || typeof v !== 'object') return null;
  for (const [k, x] of Object.entries(v)) {
    const inKey = badText(k);
    if (inKey) return { path: [...path, k], code: inKey };
    const hit = badTextAt(x, [...path, Array.isArray(v) ? Number(k) : k], depth + 1);
    if (hit) return hit;
  }
  return null;
}

function refuseNul(v: unknown, where: string, form?: FormId) {
  const at = badTextAt(v, []);
  if (at) throw invalidInput([{ path: formatPath(at.path), code: at.code }], { where, ...(form ? { form } : {}) });
}

/** The JSON body, parsed with `schema`; `form` names the fields in English messages. */
export async function body<T extends z.ZodType>(c: Context, schema: T, form?: FormId): Promise<z.infer<T>> {
  const text = await c.req.text();
  let json: unknown = undefined;
  if (text.trim()) {
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'invalid_json', 'The body is not valid JSON.', '(root)');
    }
  }
  refuseNul(json, 'body', form);
  const r = schema.safeParse(json);
  if (!r.success) throw zodInvalid(r.error, { ...(form ? { form } : {}), input: json });
  return r.data;
}

export function query<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const q = c.req.query();
  refuseNul(q, 'query');
  const r = schema.safeParse(q);
  if (!r.success) throw zodInvalid(r.error, { where: 'query' });
  return r.data;
}

export function param<T extends z.ZodType>(c: Context, name: string, schema: T): z.infer<T> {
  const v = c.req.param(name);
  refuseNul({ [name]: v }, 'params');
  const r = schema.safeParse(v);
  if (!r.success) throw zodInvalid(r.error, { where: `params.${name}` });
  return r.data;
}
