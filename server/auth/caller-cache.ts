// Who a bearer token is, remembered briefly so that a request does not pay a
// database round trip to learn it (issue 14: every request read the token).
// The bound on staleness: an entry is used at most CALLER_TTL_MS after it was
// read. Revoking a token, or changing its user, through this process drops
// the entry at once; another server process (or the CLI) can leave a revoked
// token working on this one for at most CALLER_TTL_MS.
import type { Caller } from './tokens';

/** How long a token's caller is trusted without asking the database again (ms). */
export const CALLER_TTL_MS = 2_000;
/** Entries kept at most; the oldest go first (a token read again is simply re-read). */
const MAX_ENTRIES = 50_000;

interface Entry {
  caller: Caller;
  readAt: number;
}

export interface CallerCache {
  get(hash: string, now?: number): Caller | null;
  set(hash: string, caller: Caller, readAt: number): void;
  /** Forget a token (revoked) or every token of a user (role, channel or department changed). */
  forgetToken(tokenId: number): void;
  forgetUser(userId: number): void;
}

function callerCache(): CallerCache {
  const entries = new Map<string, Entry>();
  const drop = (match: (c: Caller) => boolean) => {
    for (const [hash, e] of entries) if (match(e.caller)) entries.delete(hash);
  };
  return {
    get(hash, now = Date.now()) {
      const e = entries.get(hash);
      if (!e) return null;
      if (now - e.readAt > CALLER_TTL_MS) {
        entries.delete(hash);
        return null;
      }
      return e.caller;
    },
    set(hash, caller, readAt) {
      entries.delete(hash);
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(hash, { caller, readAt });
    },
    forgetToken: (tokenId) => drop((c) => c.tokenId === tokenId),
    forgetUser: (userId) => drop((c) => c.userId === userId),
  };
}

// One cache per database handle: every app on it (tests build several) and
// the token and user changes made through it see the same entries.
const caches = new WeakMap<object, CallerCache>();

export function callerCacheOf(db: object): CallerCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = callerCache()));
  return c;
}
