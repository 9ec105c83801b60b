// Popup and options pages reach the server through the background, which alone
// holds the token (DESIGN.md §3). Status 0: offline or signed out.
import { browser } from 'wxt/browser';
import type { SyncRequest } from '@/lib/messaging/sync-protocol';

export interface ApiError {
  code: string;
  message: string;
  path?: string | null;
}

export async function serverApi<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; ok: boolean; json: T; error: ApiError | null }> {
  const r = (await browser.runtime.sendMessage({ type: 'api:call', method, path, body } satisfies SyncRequest)) as { status: number; json: unknown } | undefined;
  const status = r?.status ?? 0;
  const error = (r?.json as { error?: ApiError } | null)?.error ?? (status >= 200 && status < 300 ? null : { code: 'unknown', message: String(status) });
  return { status, ok: status >= 200 && status < 300, json: r?.json as T, error };
}
