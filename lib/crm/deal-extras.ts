// What a deal page shows besides the seven deal facts (issue 19): contacts with
// their roles, the activity timeline, line items, and a few long texts. The
// adapters read it (lib/crm/adapters, optional `extras` locators) and the
// sidebar proposes it for the packet (prefill), never overwriting typing;
// industry and size come from the account fields the deal page shows.
// Same rule as the deal snapshot: only the record on screen, never a guess;
// `null` = the page does not show it, or Baton is not sure what it shows.
// Written with zod's "mini" API like every shape a content-side reader imports.
import * as z from 'zod/mini';

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const maybe = (max: number) => z.nullable(text(max));
/** YYYY-MM-DD: a calendar day as shown (no time zone guessing) */
const day = z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)));

/** One person the deal page lists: a contact role row, or a contact card on the deal. */
export const crmContactSchema = z.object({
  name: text(500),
  title: maybe(500),
  /** the CRM's own role label as shown ("Decision Maker", "决策人", "Economic Buyer"); mapped to a stakeholder role by the prefill */
  role: maybe(200),
  /** as shown (the sidebar normalises to E.164 with libphonenumber-js) */
  phone: maybe(100),
  email: maybe(320),
});
export type CrmContact = z.infer<typeof crmContactSchema>;

export const ACTIVITY_TYPES = ['call', 'meeting', 'email', 'note', 'task', 'other'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** One entry of the deal's activity timeline. */
export const crmActivitySchema = z.object({
  type: z.enum(ACTIVITY_TYPES),
  date: day,
  /** who did it or took part, as shown */
  who: maybe(500),
  /** the subject, or the summary/body as shown (first 4,000 characters) */
  subject: maybe(4000),
});
export type CrmActivity = z.infer<typeof crmActivitySchema>;

/** One product line of the deal. */
export const crmLineItemSchema = z.object({
  product: text(500),
  quantity: z.nullable(z.number().check(z.gte(0))),
  /** the line's total in major currency units, when shown */
  amount: z.nullable(z.number().check(z.gte(0))),
  /** ISO 4217, when shown or implied by the deal's currency */
  currency: z.nullable(z.string().check(z.regex(/^[A-Z]{3}$/))),
});
export type CrmLineItem = z.infer<typeof crmLineItemSchema>;

/**
 * Everything besides the deal facts, read from the record on screen.
 * A list is `null` when the page does not show that list (or the reader is unsure),
 * `[]` when it shows the list empty. At most 100 rows each (the first shown).
 */
export const dealExtrasSchema = z.object({
  contacts: z.nullable(z.array(crmContactSchema).check(z.maxLength(100))),
  activities: z.nullable(z.array(crmActivitySchema).check(z.maxLength(100))),
  lineItems: z.nullable(z.array(crmLineItemSchema).check(z.maxLength(100))),
  description: maybe(10_000),
  nextStep: maybe(2000),
  competitor: maybe(500),
  winReason: maybe(2000),
  /** the account's industry as shown on the deal page (its account card or field) */
  industry: maybe(200),
  /** the account's size as shown: an employee count or range ("51-200", "500人以上"), kept as text */
  companySize: maybe(100),
});
export type DealExtras = z.infer<typeof dealExtrasSchema>;

export const emptyExtras = (): DealExtras => ({
  contacts: null,
  activities: null,
  lineItems: null,
  description: null,
  nextStep: null,
  competitor: null,
  winReason: null,
  industry: null,
  companySize: null,
});
