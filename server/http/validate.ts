// Input validation with the shared zod schemas: the first problem is returned
// as a 400 with the path of the offending field ("mutations[0].op.kind").
import type { Context } from 'hono';
import type { z } from 'zod';
import { formatPath } from '@/lib/crm/adapter-schema';
import { ApiError } from './errors';

function fail(error: z.ZodError, where: string): never {
  const issue = error.issues[0];
  const path = issue ? formatPath(issue.path) : '(root)';
  throw new ApiError(400, 'invalid', issue ? `${path}: ${issue.message}` : 'invalid input', where === 'body' ? path : `${where}.${path}`);
}

// PostgreSQL text and jsonb cannot hold U+0000: refused here with the field's
// path rather than failing in the database.
function nulAt(v: unknown, path: (string | number)[], depth = 0): (string | number)[] | null {
  if (typeof v === 'string') return v.includes('\u0000') ? path : null;
  if (depth > 200 || v === null || typeof v !== 'object') return null;
  for (const [k, x] of Object.entries(v)) {
    if (k.includes('\u0000')) return [...path, k];
    const hit = nulAt(x, [...path, Array.isArray(v) ? Number(k) : k], depth + 1);
    if (hit) return hit;
  }
  return null;
}

function refuseNul(v: unknown, where: string) {
  const at = nulAt(v, []);
  if (!at) return;
  const path = at.length ? formatPath(at) : '(root)';
  throw new ApiError(400, 'invalid', `${path}: text may not contain the NUL character`, where === 'body' ? path : `${where}.${path}`);
}

export async function body<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const text = await c.req.text();
  let json: unknown = undefined;
  if (text.trim()) {
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'invalid_json', 'The body is not valid JSON.', '(root)');
    }
  }
  refuseNul(json, 'body');
  const r = schema.safeParse(json);
  if (!r.success) fail(r.error, 'body');
  return r.data;
}

export function query<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const q = c.req.query();
  refuseNul(q, 'query');
  const r = schema.safeParse(q);
  if (!r.success) fail(r.error, 'query');
  return r.data;
}

export function param<T extends z.ZodType>(c: Context, name: string, schema: T): z.infer<T> {
  const v = c.req.param(name);
  refuseNul({ [name]: v }, 'params');
  const r = schema.safeParse(v);
  if (!r.success) fail(r.error, `params.${name}`);
  return r.data;
}
