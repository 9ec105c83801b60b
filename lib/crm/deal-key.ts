// A deal's key, `crm:tenant:recordId` (crm may itself be `custom:<slug>`): the
// packet's primary key in IndexedDB and on the server, so its format never
// changes. dealKey and its inverse live together so they cannot drift apart.
import { dealIdentitySchema, type DealIdentity } from './types';

/** `crm:tenant:recordId`, e.g. `zoho:org60012345:42`, `custom:suite:suitecrm:8080:7`. */
export function dealKey(id: DealIdentity): string {
  return `${id.crm}:${id.tenant}:${id.recordId}`;
}

/**
 * The identity a key was made from, or null when it is not a key of a valid
 * identity. The crm is one part (`custom:` two); the record id is the last
 * part, so a tenant may hold colons (`host:port`, an IPv6 host). A record id
 * with a colon does not round-trip (no CRM Baton reads uses one).
 */
export function parseDealKey(key: string): DealIdentity | null {
  const crmParts = key.startsWith('custom:') ? 2 : 1;
  const parts = key.split(':');
  if (parts.length < crmParts + 2) return null;
  const parsed = dealIdentitySchema.safeParse({
    crm: parts.slice(0, crmParts).join(':'),
    tenant: parts.slice(crmParts, -1).join(':'),
    recordId: parts[parts.length - 1],
  });
  return parsed.success ? parsed.data : null;
}
