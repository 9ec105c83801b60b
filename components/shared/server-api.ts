// Popup and options pages reach the server through the background, which alone
// holds the token (docs/architecture.md). Status 0: offline or signed out. Errors are
// shown through errorText (or useFormErrors for a form): the code in the UI
// language, never the server's English.
import { apiErrorText, errorOfBody, type ApiErrorBody } from '@/lib/i18n/api-errors';
import type { FormId } from '@/lib/i18n/field-labels';
import type { Locale } from '@/lib/i18n/locale';
import { z } from 'zod';
import { sendRuntime } from '@/extension/messaging/channel';

export type ApiError = ApiErrorBody;

/** A 2xx answer carries the parsed body; any other carries the error (and the raw body, unknown). */
export type ServerAnswer<T> = { status: number; ok: true; json: T; error: null } | { status: number; ok: false; json: unknown; error: ApiError };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One call to the server through the background. A 2xx answer's body is
 * parsed with `answer` (a zod schema from lib/): a body that does not match
 * is an error (code 'unknown'), never a value cast into shape. Without a
 * schema the body is `unknown` and only the status and error are read.
 */
export async function serverApi(method: Method, path: string, body?: unknown): Promise<ServerAnswer<unknown>>;
export async function serverApi<S extends z.ZodType>(method: Method, path: string, body: unknown, answer: S): Promise<ServerAnswer<z.output<S>>>;
export async function serverApi(method: Method, path: string, body?: unknown, answer: z.ZodType = z.unknown()): Promise<ServerAnswer<unknown>> {
  const r = await sendRuntime({ type: 'api:call', method, path, body });
  const status = r?.status ?? 0;
  const json: unknown = r?.json;
  if (status < 200 || status >= 300) return { status, ok: false, json, error: errorOfBody(json) ?? { code: status ? 'unknown' : 'offline', message: String(status) } };
  const parsed = answer.safeParse(json);
  if (parsed.success) return { status, ok: true, json: parsed.data, error: null };
  return { status, ok: false, json, error: { code: 'unknown', message: `unexpected answer from ${path}` } };
}

/** What went wrong with an answer, in one sentence in `locale`. */
export function errorText(r: { status: number; error?: ApiError | null; json?: unknown }, locale: Locale, opts: { form?: FormId; input?: unknown } = {}): string {
  const error = r.error ?? errorOfBody(r.json);
  return apiErrorText(error, locale, { status: r.status, ...opts });
}
