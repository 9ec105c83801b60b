// Settings an IT department sets for every installed copy through browser
// policy, read through storage.managed (Chrome/Edge: the "3rdparty" extension
// policy; Firefox: policies.json "3rdparty" → "Extensions"; docs/it-admin.md).
// A managed value overrides the person's own setting and locks it.
// Written with zod's "mini" API: the content script reads the managed adapters.
import * as z from 'zod/mini';
import { LOCALES } from '../i18n/locale';
import { parseServerAddress } from '../sync/server-address';

/** How people of the team sign in; the options page offers only this one when set. */
export const SIGN_IN_METHODS = ['oidc', 'code', 'token'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/**
 * The managed settings, each optional (an absent key leaves the person's own setting).
 * - `serverUrl`: the sync server (https, or http to this computer; lib/sync/server-address.ts)
 * - `team`: the team's name or id on that server, shown and checked after sign-in
 * - `signInMethod`: 'oidc' (company account), 'code' (one-time code), 'token'
 * - `customAdapters`: JSON text of an array of adapter definitions (lib/crm/adapter-schema.ts);
 *   text because Chrome's policy schema cannot describe an open nested object
 * - `uiLanguage`: one of zh-CN, zh-TW, en
 */
export const managedConfigSchema = z.object({
  serverUrl: z.optional(z.string()),
  team: z.optional(z.string()),
  signInMethod: z.optional(z.enum(SIGN_IN_METHODS)),
  customAdapters: z.optional(z.string()),
  uiLanguage: z.optional(z.enum(LOCALES)),
});
export type ManagedConfig = z.infer<typeof managedConfigSchema>;
export type ManagedKey = keyof ManagedConfig;
export const MANAGED_KEYS = Object.keys(managedConfigSchema.shape) as ManagedKey[];

/** A managed value that could not be used: which key, and why ('type': wrong type or value; 'address': not a server address Baton may use). */
export interface ManagedProblem {
  key: ManagedKey;
  reason: 'type' | 'address' | 'adapters';
  detail?: string;
}

/**
 * Reads what the browser returned from storage.managed. Each key is checked on
 * its own, so one wrong value does not drop the others; a wrong value is left
 * out (the person's own setting stays) and reported, never guessed at.
 * The server address is kept as its origin.
 */
export function parseManagedConfig(raw: unknown): { config: ManagedConfig; problems: ManagedProblem[] } {
  const config: ManagedConfig = {};
  const problems: ManagedProblem[] = [];
  for (const key of MANAGED_KEYS) {
    const value: unknown = typeof raw === 'object' && raw !== null ? Reflect.get(raw, key) : undefined;
    if (value === undefined) continue;
    const one = managedConfigSchema.shape[key].safeParse(value);
    if (!one.success || one.data === undefined) {
      problems.push({ key, reason: 'type' });
      continue;
    }
    Object.assign(config, { [key]: one.data });
  }
  if (config.serverUrl !== undefined) {
    const address = parseServerAddress(config.serverUrl);
    // Baton's API is at the server's root (/v1/…): an address with a path would silently lose it.
    const withPath = address.ok && !/^[a-z]+:\/\/[^/?#]+\/?$/i.test(config.serverUrl.trim());
    if (withPath) {
      problems.push({ key: 'serverUrl', reason: 'address', detail: 'path' });
      delete config.serverUrl;
    } else if (address.ok) config.serverUrl = address.origin;
    else {
      problems.push({ key: 'serverUrl', reason: 'address', detail: address.reason });
      delete config.serverUrl;
    }
  }
  if (config.team !== undefined && config.team.trim() === '') delete config.team;
  return { config, problems };
}

/**
 * The policy schema Chrome and Edge check the managed values against
 * (manifest `storage.managed_schema`). Chrome's format is a subset of JSON
 * Schema in which every node needs a `type` and no open object is allowed, so
 * it is written out here and a unit test holds it to managedConfigSchema.
 * A schema Chrome rejects stops the extension from loading at all.
 */
export const CHROME_MANAGED_SCHEMA = {
  type: 'object',
  properties: {
    serverUrl: { type: 'string', title: 'Baton server address', description: 'https://baton.example.com' },
    team: { type: 'string', title: 'Team', description: "The team's name or id on that server" },
    signInMethod: { type: 'string', enum: [...SIGN_IN_METHODS], title: 'How people sign in' },
    customAdapters: { type: 'string', title: 'Custom CRM adapters', description: 'JSON array of adapter definitions' },
    uiLanguage: { type: 'string', enum: [...LOCALES], title: 'Interface language' },
  },
} as const;

/**
 * Why sign-in must stop because of a managed value, as a message key with its
 * parameters; null when policy allows it. `team` is the team the server
 * answered for the token (GET /v1/me); the managed `team` may name it by name
 * or by id. Case is ignored for names ("Acme Sales" = "acme sales").
 */
export function managedSignInRefusal(
  config: ManagedConfig,
  at: { serverUrl: string; team?: { id: number; name: string } },
): { key: 'signIn.managedServer' | 'signIn.managedTeam'; params: Record<string, string> } | null {
  if (config.serverUrl !== undefined && config.serverUrl !== at.serverUrl) return { key: 'signIn.managedServer', params: { server: config.serverUrl } };
  if (config.team !== undefined && at.team) {
    const wanted = config.team.trim().toLowerCase();
    if (wanted !== String(at.team.id) && wanted !== at.team.name.trim().toLowerCase()) return { key: 'signIn.managedTeam', params: { team: config.team, got: at.team.name } };
  }
  return null;
}
