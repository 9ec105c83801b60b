// Options page → background: sign in/out and "sync now". The token goes from
// the options page (an extension page) to the background only.
export type SyncRequest =
  | { type: 'sync:signIn'; serverUrl: string; token: string }
  | { type: 'sync:signOut' }
  | { type: 'sync:now' }
  /** popup and options: a call to /v1/me, /v1/users or /v1/claims… through the background, which holds the token */
  | { type: 'api:call'; method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string; body?: unknown };

export type ApiAnswer<T = unknown> = { status: number; json: (T & { error?: undefined }) | { error: { code: string; message: string; path?: string | null } } | null };
