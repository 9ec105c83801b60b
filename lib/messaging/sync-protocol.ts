// Options page → background: sign in/out and "sync now". The token goes from
// the options page (an extension page) to the background only.
export type SyncRequest =
  | { type: 'sync:signIn'; serverUrl: string; token: string }
  | { type: 'sync:signOut' }
  | { type: 'sync:now' }
  | { type: 'claims:lookup'; kind: 'company' | 'phone' | 'email'; value: string };
