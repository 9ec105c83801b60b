// The options page's and popup's requests to the sync engine, as the message
// map (messages.ts) defines them; kept as a name for the sync wiring.
import type { RuntimeRequest } from './messages';

export type SyncRequest = RuntimeRequest<'sync:signIn' | 'sync:signOut' | 'sync:now' | 'api:call'>;
