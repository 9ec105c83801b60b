// Where a deal page shows what lies beyond the seven deal facts (issue 19):
// contact roles, the activity timeline, line items, and a few long texts. Data,
// like the rest of an adapter (lib/crm/README.md): a built-in CRM keeps them in
// its `<id>.json` ("extras"), a custom adapter under the same key. The readers
// are lib/crm/read-extras.ts and read-list.ts; what they give is DealExtras
// (deal-extras.ts). Kept apart from adapter-schema.ts because the content
// script, which parses every stored adapter, must not bundle it (30 KB budget):
// the extras are read by a script the background injects on demand.
import * as z from 'zod/mini';
import { adapterDefinitionSchema, cssSelector, formatPath, labelTexts, locatorSchema, type ParseResult } from './adapter-schema';

/**
 * One column of a list row: CSS inside the row (with `attr`, an attribute: an
 * icon's name, a link's mailto:), the table column under one of these header
 * texts, or the value beside one of these label texts inside the row (cards).
 */
export const columnLocatorSchema = z.union([
  z.strictObject({ css: cssSelector, attr: z.optional(z.string().check(z.minLength(1), z.maxLength(100))) }),
  z.strictObject({ header: labelTexts }),
  z.strictObject({ label: labelTexts }),
]);
export type ColumnLocator = z.infer<typeof columnLocatorSchema>;

const columns = (max: number) => z.optional(z.array(columnLocatorSchema).check(z.minLength(1), z.maxLength(max)));

/** A list's place on the page: its section heading (any language) or a CSS container, and what one row is. */
const listPlace = {
  /** the list's heading texts ("Contact Roles", "联系人角色"), matched whole; a trailing count "(3)" is ignored */
  section: z.optional(labelTexts),
  /** or: CSS selector of the list's container (the first one on screen with rows is read) */
  container: z.optional(cssSelector),
  /** CSS selector of one row inside the container (a table row, a card, a timeline entry) */
  rows: cssSelector,
};
const placed = { message: 'give section or container', path: ['section'] };
const hasPlace = (l: { section?: unknown; container?: unknown }) => !!(l.section || l.container);

export const contactListSchema = z
  .strictObject({ ...listPlace, name: z.array(columnLocatorSchema).check(z.minLength(1), z.maxLength(10)), title: columns(10), role: columns(10), phone: columns(10), email: columns(10) })
  .check(z.refine(hasPlace, placed));

export const activityListSchema = z
  .strictObject({
    ...listPlace,
    /** the entry's type as a label or an icon's attribute ("Logged call", "utility:email", "会议"), mapped by activity-type.ts */
    type: columns(10),
    date: columns(10),
    who: columns(10),
    subject: columns(10),
  })
  .check(z.refine(hasPlace, placed));

export const lineItemListSchema = z
  .strictObject({ ...listPlace, product: z.array(columnLocatorSchema).check(z.minLength(1), z.maxLength(10)), quantity: columns(10), amount: columns(10) })
  .check(z.refine(hasPlace, placed));

const lists = <T extends z.ZodMiniType>(item: T) => z.optional(z.array(item).check(z.minLength(1), z.maxLength(10)));
const texts = z.optional(z.array(locatorSchema).check(z.minLength(1), z.maxLength(20)));

/** Every kind is optional: an adapter gives the ones its CRM's deal page shows. Lists and texts: tried in order. */
export const extrasLocatorsSchema = z.strictObject({
  contacts: lists(contactListSchema),
  activities: lists(activityListSchema),
  lineItems: lists(lineItemListSchema),
  description: texts,
  nextStep: texts,
  competitor: texts,
  winReason: texts,
  industry: texts,
  companySize: texts,
});
export type ExtrasLocators = z.infer<typeof extrasLocatorsSchema>;
export type ExtrasLocatorsInput = z.input<typeof extrasLocatorsSchema>;
export type ContactList = z.infer<typeof contactListSchema>;
export type ActivityList = z.infer<typeof activityListSchema>;
export type LineItemList = z.infer<typeof lineItemListSchema>;

/**
 * A whole adapter definition, its `extras` included (the content script
 * checks all but `extras`): what the options editor, the policy reader and
 * the background check a custom adapter with. Errors by path ("extras.contacts[0].rows").
 */
export const checkedAdapterSchema = adapterDefinitionSchema.check(
  z.superRefine((a, ctx) => {
    if (a.extras === undefined) return;
    const r = extrasLocatorsSchema.safeParse(a.extras);
    if (r.success) return;
    // Each issue as it was, under `extras` (its code keeps the localized message, lib/i18n/issues.ts).
    for (const issue of r.error.issues) ctx.issues.push({ ...issue, path: ['extras', ...issue.path] } as z.core.$ZodRawIssue);
  }),
);

export function checkAdapterDefinition(json: unknown): ParseResult {
  const r = checkedAdapterSchema.safeParse(json);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, errors: r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
}

/** The extras locators of a parsed definition, or null when it has none (or they do not fit the schema). */
export function extrasOf(extras: unknown): ExtrasLocators | null {
  if (extras === undefined || extras === null) return null;
  const r = extrasLocatorsSchema.safeParse(extras);
  return r.success ? r.data : null;
}
