// Stable ids of what the CRM page proposes (issue 19): the same CRM item always
// gets the same id, on every device, so it is added once, and once dismissed it
// stays dismissed. Kept apart from prefill.ts so the editor can name a
// field's proposal without loading the mapping (and its phone metadata).
import type { CrmActivity, CrmContact, CrmLineItem } from '@/lib/crm/deal-extras';
import type { PrefillField } from './prefill-marks';

/** cyrb53: a small, well-spread 53-bit string hash (public domain), for ids only — not security. */
function hash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Case, width and spacing folded: "Li  Wei" and "li wei" are one name. */
export const fold = (s: string | null | undefined) => (s ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** A contact is known by its name on the deal (a phone or title changed later is the same person). */
export const contactId = (c: CrmContact) => `crm-c-${hash(fold(c.name))}`;
export const activityId = (a: CrmActivity) => `crm-a-${hash([a.type, a.date ?? '', fold(a.who), fold(a.subject).slice(0, 200)].join('\u0000'))}`;
export const lineItemId = (l: CrmLineItem) => `crm-l-${hash(fold(l.product))}`;
export const fieldProposalId = (k: PrefillField, value: string | number) => `crm-f-${k}-${hash(fold(String(value)))}`;
