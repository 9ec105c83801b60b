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
  const r = schema.safeParse(json);
  if (!r.success) fail(r.error, 'body');
  return r.data;
}

export function query<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const r = schema.safeParse(c.req.query());
  if (!r.success) fail(r.error, 'query');
  return r.data;
}

export function param<T extends z.ZodType>(c: Context, name: string, schema: T): z.infer<T> {
  const r = schema.safeParse(c.req.param(name));
  if (!r.success) fail(r.error, `params.${name}`);
  return r.data;
}
