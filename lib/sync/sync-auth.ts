import { z } from 'zod';

/**
 * Where a browser syncs to and with which token, and who that token is
 * (as the server's /v1/me answered when signing in). Kept by the extension in
 * its IndexedDB only (extension/db/sync-auth.ts).
 */
export const syncAuthSchema = z.object({
  serverUrl: z.string(),
  token: z.string(),
  user: z.object({ id: z.number(), name: z.string(), role: z.string(), channel: z.string().nullable() }),
  team: z.object({ id: z.number(), name: z.string() }),
});
export type SyncAuth = z.infer<typeof syncAuthSchema>;
