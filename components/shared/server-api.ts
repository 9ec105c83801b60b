// Popup and options pages reach the server through the background, which alone
// holds the token (docs/architecture.md). Status 0: offline or signed out. Errors are
// shown through errorText (or useFormErrors for a form): the code in the UI
// language, never the server's English.
import { apiErrorText, errorOfBody, type ApiErrorBody } from '@/lib/i18n/api-errors';
import type { FormId } from '@/lib/i18n/field-labels';
import type { Locale } from '@/lib/i18n/locale';
import { sendRuntime } from '@/extension/messaging/channel';

export type ApiError = ApiErrorBody;

export interface ServerAnswer<T> {
  status: number;
  ok: boolean;
  json: T;
  error: ApiError | null;
}

export async function serverApi<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<ServerAnswer<T>> {
  const r = await sendRuntime({ type: 'api:call', method, path, body });
  const status = r?.status ?? 0;
  const error = errorOfBody(r?.json) ?? (status >= 200 && status < 300 ? null : { code: status ? 'unknown' : 'offline', message: String(status) });
  return { status, ok: status >= 200 && status < 300, json: r?.json as T, error };
}

/** What went wrong with an answer, in one sentence in `locale`. */
export function errorText(r: { status: number; error?: ApiError | null; json?: unknown }, locale: Locale, opts: { form?: FormId; input?: unknown } = {}): string {
  const error = r.error ?? errorOfBody(r.json);
  return apiErrorText(error, locale, { status: r.status, ...opts });
}
