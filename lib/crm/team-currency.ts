// The team's currency (engagement policy `currency`) as the content script
// sees it: the background writes it to extension storage after each sync, and
// the content script lets it settle shared signs ("$", "¥", "kr") for every
// adapter. The team knows its own currency better than a built-in adapter's
// default, so it comes first.
import * as z from 'zod/mini'; // the content script reads it: mini, as lib/crm/types.ts
import type { AdapterDefinition } from './adapter-schema';

export const TEAM_CURRENCY_KEY = 'baton.teamCurrency';

/** The stored value: an ISO 4217 code, or null when the team has none. */
export const teamCurrencySchema = z.nullable(z.string().check(z.regex(/^[A-Z]{3}$/)));

/** The stored value if it is an ISO 4217 code, else null. */
export function parseTeamCurrency(raw: unknown): string | null {
  return teamCurrencySchema.safeParse(raw).data ?? null;
}

/** Adapters whose default currency is the team's, where the team has one. */
export function withTeamCurrency(adapters: AdapterDefinition[], currency: string | null): AdapterDefinition[] {
  return currency ? adapters.map((a) => ({ ...a, defaultCurrency: currency })) : adapters;
}
