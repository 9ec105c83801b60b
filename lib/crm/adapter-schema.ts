// One schema for every CRM adapter, built-in or an admin's custom one: adapters
// are data (lib/crm/README.md), so a team policy can ship a fixed definition without
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
}, { message: 'not a valid regular expression', params: { issue: 'regex' } });

const cssSelector = z.string().min(1).max(1000);

const labelTexts = z.array(z.string().min(1).max(200)).min(1).max(50);

/** A place on the page a value is read from: a CSS selector, or a label to find the value beside. */
export const locatorSchema = z.union([
  z.strictObject({
    css: cssSelector,
    /** read this attribute instead of the text (inputs are read by value anyway) */
    attr: z.string().min(1).max(100).optional(),
  }),
  z
    .strictObject({
      /** never set here; declared so a mistyped css locator is reported on `css`, not as "invalid input" */
      css: z.never().optional(),
      /** label texts in any language, matched whole; the value is the element beside the label */
      label: labelTexts.optional(),
      /** labels that start with one of these texts: "Opportunity Amount" finds "Opportunity Amount: (EUR €):" */
      labelPrefix: labelTexts.optional(),
      /** a regular expression the label's text must match (case-insensitive) */
      labelPattern: regex.optional(),
      /** "value" (default): the element beside the label; "label": the label's own text (a currency shown in the label) */
      read: z.enum(['value', 'label']).default('value'),
      /** only look inside this element (CSS selector) */
      scope: cssSelector.optional(),
    })
    .refine((l) => l.label || l.labelPrefix || l.labelPattern, { message: 'give label, labelPrefix or labelPattern' }),
]);
export type Locator = z.infer<typeof locatorSchema>;


/**
 * Where Baton applies, as `[scheme://]host[:port]`: `crm.example.com`, `*.example.com`,
 * `http://suitecrm`, `crm:8080`, `10.0.0.5:8443`. Globs ("crm.zoho.*") are for built-ins;
 * a custom adapter's hosts must be grantable (lib/crm/host-pattern.ts).
 */
export const hostSpecSchema = z
  .string()
  .max(300)
  .regex(/^(?:https?:\/\/)?[a-z0-9*](?:[a-z0-9.*-]*[a-z0-9*])?(?::\d{1,5})?$/i, 'a host name, optionally with http:// or https://, a :port and * wildcards');

/** One URL form of a deal record page. An adapter may have several (a direct URL and a hash-routed one). */
export const urlRuleSchema = z.strictObject({
  /** which part of the URL the pattern is matched against; "hash" is matched percent-decoded */
  part: z.enum(['path', 'pathQuery', 'hash', 'href']).default('path'),
  /** regular expression; named group (?<recordId>…) unless recordIdParam is set or the id is on the page; optional (?<tenant>…) */
  pattern: regex,
  /**
   * hash-routed apps that carry the real URL in a hash parameter (SuiteCRM's
   * `#ajaxUILoc=index.php%3Fmodule%3D…`): that URL, decoded and resolved against the
   * page, is what part/pattern/query/recordIdParam apply to
   */
  hashUrlParam: z.string().min(1).max(100).optional(),
  /** query parameters that must have these values (case-insensitive), e.g. etn=opportunity */
  query: z.record(z.string().min(1).max(100), z.string().max(200)).optional(),
  /** take the record id from this query parameter instead of the pattern */
  recordIdParam: z.string().min(1).max(100).optional(),
  /** where the tenant comes from when the pattern has no tenant group */
  tenantFrom: z.enum(['host', 'pattern']).default('host'),
});
export type UrlRule = z.infer<typeof urlRuleSchema>;

const fieldsShape = Object.fromEntries(DEAL_FIELDS.map((f) => [f, z.array(locatorSchema).max(20).optional()])) as {
  [K in (typeof DEAL_FIELDS)[number]]: z.ZodOptional<z.ZodArray<typeof locatorSchema>>;
};

const adapterObjectSchema = z.strictObject({
  id: z.union([z.enum(BUILTIN_CRMS), z.string().regex(/^custom:[a-z0-9-]{1,40}$/, 'custom ids look like custom:my-crm')]),
  name: z.string().min(1).max(100),
  /** host specs: "crm.example.com", "*.example.com", "crm.zoho.*", "http://suitecrm", "crm:8080" */
  hosts: z.array(hostSpecSchema).min(1).max(50),
  /** the deal record's URL form (definitions written before `urls`; read as `urls: [url]`) */
  url: urlRuleSchema.optional(),
  /** every URL form of a deal record page, tried in order; each must give the same identity for the same record */
  urls: z.array(urlRuleSchema).min(1).max(10).optional(),
  /** where the record id is on the page, for URL forms that do not carry it */
  recordId: z.array(locatorSchema).max(20).optional(),
  /** push narrows the page; overlay floats over it (CRMs with a fixed menu or top bar sized to the window) */
  layout: z.enum(['push', 'overlay']).default('push'),
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

/** `url` (one form, the older shape) becomes `urls`, so stored definitions stay valid. */
export const adapterDefinitionSchema = adapterObjectSchema
  .refine((a) => a.url || a.urls, { message: 'give urls (or url)', path: ['urls'] })
  .transform(({ url, urls, ...rest }) => ({ ...rest, urls: urls ?? (url ? [url] : []) }));

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
