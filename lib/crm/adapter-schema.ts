// One schema for every CRM adapter, built-in or an admin's custom one: adapters
// are data (DESIGN.md §3), so a team policy can ship a fixed definition without
// a new extension release, and an admin can teach Baton an unknown CRM.
import { z } from 'zod';
import { BUILTIN_CRMS, DEAL_FIELDS } from './types';

const regex = z.string().min(1).max(1000).refine((s) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

const cssSelector = z.string().min(1).max(1000);

/** A place on the page a value is read from: a CSS selector, or a label to find the value beside. */
export const locatorSchema = z.union([
  z.strictObject({
    css: cssSelector,
    /** read this attribute instead of the text (inputs are read by value anyway) */
    attr: z.string().min(1).max(100).optional(),
  }),
  z.strictObject({
    /** label texts in any language; the value is the element beside the label */
    label: z.array(z.string().min(1).max(200)).min(1).max(50),
    /** only look inside this element (CSS selector) */
    scope: cssSelector.optional(),
  }),
]);
export type Locator = z.infer<typeof locatorSchema>;

const fieldsShape = Object.fromEntries(DEAL_FIELDS.map((f) => [f, z.array(locatorSchema).max(20).optional()])) as {
  [K in (typeof DEAL_FIELDS)[number]]: z.ZodOptional<z.ZodArray<typeof locatorSchema>>;
};

export const adapterDefinitionSchema = z.strictObject({
  id: z.union([z.enum(BUILTIN_CRMS), z.string().regex(/^custom:[a-z0-9-]{1,40}$/, 'custom ids look like custom:my-crm')]),
  name: z.string().min(1).max(100),
  /** host globs: "crm.example.com", "*.example.com", "crm.zoho.*" */
  hosts: z.array(z.string().regex(/^[a-z0-9.*-]+$/i, 'a host name, optionally with * wildcards')).min(1).max(50),
  url: z.strictObject({
    /** which part of the URL the pattern is matched against */
    part: z.enum(['path', 'pathQuery', 'hash', 'href']).default('path'),
    /** regular expression; named group (?<recordId>…) unless recordIdParam is set; optional (?<tenant>…) */
    pattern: regex,
    /** query parameters that must have these values (case-insensitive), e.g. etn=opportunity */
    query: z.record(z.string().min(1).max(100), z.string().max(200)).optional(),
    /** take the record id from this query parameter instead of the pattern */
    recordIdParam: z.string().min(1).max(100).optional(),
    /** where the tenant comes from when the pattern has no tenant group */
    tenantFrom: z.enum(['host', 'pattern']).default('host'),
  }),
  /** CSS selector that must exist on a deal record page (besides the URL) */
  dealPageTest: cssSelector.optional(),
  fields: z.strictObject(fieldsShape),
  /** where the page shows the user's locale (BCP 47, e.g. an attribute); `<html lang>` when absent or empty */
  locale: z.array(locatorSchema).max(10).optional(),
  /** how to read 03/04/2027 when the page locale does not settle it */
  dateOrder: z.enum(['MDY', 'DMY', 'YMD']).optional(),
  /** ISO 4217 currency (the team's) an ambiguous sign ("$", "¥", "kr") means when the page does not settle it */
  defaultCurrency: z.string().regex(/^[A-Z]{3}$/).optional(),
  /** fields that must be on the page before the record counts as rendered */
  readyWhen: z.array(z.enum(DEAL_FIELDS)).min(1).default(['dealName']),
  /** how long to wait for late rendering (ms) */
  waitMs: z.number().int().min(0).max(60_000).optional(),
});

export type AdapterDefinition = z.infer<typeof adapterDefinitionSchema>;
export type AdapterDefinitionInput = z.input<typeof adapterDefinitionSchema>;

export type ParseResult = { ok: true; value: AdapterDefinition } | { ok: false; errors: { path: string; message: string }[] };

/** "fields.amount[0].css" style paths, as an admin reads them. */
export function formatPath(path: PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(root)';
}

export function parseAdapterDefinition(json: unknown): ParseResult {
  const r = adapterDefinitionSchema.safeParse(json);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, errors: r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
}

/** Built-in adapters are written as input (defaults filled here). */
export const defineAdapter = (def: AdapterDefinitionInput): AdapterDefinition => adapterDefinitionSchema.parse(def);
