// One schema for every CRM adapter, built-in or an admin's custom one: adapters
// are data (lib/crm/README.md), so a team policy can ship a fixed definition without
// a new extension release, and an admin can teach Baton an unknown CRM.
// Written with zod's tree-shakable "mini" API: the content script, which every
// CRM page loads, validates stored adapters with it, and classic zod would
// bring its whole method surface (~85 KB) into that bundle.
import * as z from 'zod/mini';
import { wholeNumber } from '../schema/whole-number';
import { crmIdSchema, DEAL_FIELDS } from './types';

/** A string of `min`..`max` characters. */
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));

const regex = text(1, 1000).check(
  z.refine(
    (s) => {
      try {
        new RegExp(s);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a valid regular expression', params: { issue: 'regex' } },
  ),
);

export const cssSelector = text(1, 1000);

export const labelTexts = z.array(text(1, 200)).check(z.minLength(1), z.maxLength(50));

/** A place on the page a value is read from: a CSS selector, or a label to find the value beside. */
export const locatorSchema = z.union([
  z.strictObject({
    css: cssSelector,
    /** read this attribute instead of the text (inputs are read by value anyway) */
    attr: z.optional(text(1, 100)),
  }),
  z
    .strictObject({
      /** never set here; declared so a mistyped css locator is reported on `css`, not as "invalid input" */
      css: z.optional(z.never()),
      /** label texts in any language, matched whole; the value is the element beside the label */
      label: z.optional(labelTexts),
      /** labels that start with one of these texts: "Opportunity Amount" finds "Opportunity Amount: (EUR €):" */
      labelPrefix: z.optional(labelTexts),
      /** a regular expression the label's text must match (case-insensitive) */
      labelPattern: z.optional(regex),
      /** "value" (default): the element beside the label; "label": the label's own text (a currency shown in the label) */
      read: z._default(z.enum(['value', 'label']), 'value'),
      /** only look inside this element (CSS selector) */
      scope: z.optional(cssSelector),
    })
    .check(z.refine((l) => !!(l.label || l.labelPrefix || l.labelPattern), { message: 'give label, labelPrefix or labelPattern' })),
]);
export type Locator = z.infer<typeof locatorSchema>;


/**
 * Where Baton applies, as `[scheme://]host[:port]`: `crm.example.com`, `*.example.com`,
 * `http://suitecrm`, `crm:8080`, `10.0.0.5:8443`. Globs ("crm.zoho.*") are for built-ins;
 * a custom adapter's hosts must be grantable (lib/crm/host-pattern.ts).
 */
export const hostSpecSchema = z
  .string()
  .check(
    z.maxLength(300),
    z.regex(/^(?:https?:\/\/)?[a-z0-9*](?:[a-z0-9.*-]*[a-z0-9*])?(?::\d{1,5})?$/i, 'a host name, optionally with http:// or https://, a :port and * wildcards'),
  );

/** One URL form of a deal record page. An adapter may have several (a direct URL and a hash-routed one). */
export const urlRuleSchema = z.strictObject({
  /** which part of the URL the pattern is matched against; "hash" is matched percent-decoded */
  part: z._default(z.enum(['path', 'pathQuery', 'hash', 'href']), 'path'),
  /** regular expression; named group (?<recordId>…) unless recordIdParam is set or the id is on the page; optional (?<tenant>…) */
  pattern: regex,
  /**
   * hash-routed apps that carry the real URL in a hash parameter (SuiteCRM's
   * `#ajaxUILoc=index.php%3Fmodule%3D…`): that URL, decoded and resolved against the
   * page, is what part/pattern/query/recordIdParam apply to
   */
  hashUrlParam: z.optional(text(1, 100)),
  /** query parameters that must have these values (case-insensitive), e.g. etn=opportunity */
  query: z.optional(z.record(text(1, 100), text(0, 200))),
  /** take the record id from this query parameter instead of the pattern */
  recordIdParam: z.optional(text(1, 100)),
  /** where the tenant comes from when the pattern has no tenant group */
  tenantFrom: z._default(z.enum(['host', 'pattern']), 'host'),
});
export type UrlRule = z.infer<typeof urlRuleSchema>;

/** A list of at most `max` of `item`, optional. */
const upTo = <T extends z.ZodMiniType>(item: T, max: number) => z.optional(z.array(item).check(z.maxLength(max)));

const fieldsShape = Object.fromEntries(DEAL_FIELDS.map((f) => [f, upTo(locatorSchema, 20)])) as {
  [K in (typeof DEAL_FIELDS)[number]]: ReturnType<typeof upTo<typeof locatorSchema>>;
};

const adapterObjectSchema = z.strictObject({
  id: crmIdSchema,
  name: text(1, 100),
  /** host specs: "crm.example.com", "*.example.com", "crm.zoho.*", "http://suitecrm", "crm:8080" */
  hosts: z.array(hostSpecSchema).check(z.minLength(1), z.maxLength(50)),
  /** the deal record's URL form (definitions written before `urls`; read as `urls: [url]`) */
  url: z.optional(urlRuleSchema),
  /** every URL form of a deal record page, tried in order; each must give the same identity for the same record */
  urls: z.optional(z.array(urlRuleSchema).check(z.minLength(1), z.maxLength(10))),
  /** where the record id is on the page, for URL forms that do not carry it */
  recordId: upTo(locatorSchema, 20),
  /** push narrows the page; overlay floats over it (CRMs with a fixed menu or top bar sized to the window) */
  layout: z._default(z.enum(['push', 'overlay']), 'push'),
  /** CSS selector that must exist on a deal record page (besides the URL) */
  dealPageTest: z.optional(cssSelector),
  fields: z.strictObject(fieldsShape),
  /** where the page shows the user's locale (BCP 47, e.g. an attribute); `<html lang>` when absent or empty */
  locale: upTo(locatorSchema, 10),
  /** how to read 03/04/2027 when the page locale does not settle it */
  dateOrder: z.optional(z.enum(['MDY', 'DMY', 'YMD'])),
  /** ISO 4217 currency (the team's) an ambiguous sign ("$", "¥", "kr") means when the page does not settle it */
  defaultCurrency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/))),
  /** fields that must be on the page before the record counts as rendered */
  readyWhen: z._default(z.array(z.enum(DEAL_FIELDS)).check(z.minLength(1)), ['dealName']),
  /** how long to wait for late rendering (ms) */
  waitMs: z.optional(wholeNumber().check(z.gte(0), z.lte(60_000))),
  /**
   * Where the page shows contacts, activities, line items and long texts (issue 19):
   * checked by extras-schema.ts, which the content script does not bundle (its
   * 30 KB budget); `checkAdapterDefinition` checks the whole definition.
   */
  extras: z.optional(z.unknown()),
});

/** `url` (one form, the older shape) becomes `urls`, so stored definitions stay valid. */
export const adapterDefinitionSchema = z.pipe(
  adapterObjectSchema.check(z.refine((a) => !!(a.url || a.urls), { message: 'give urls (or url)', path: ['urls'] })),
  z.transform(({ url, urls, ...rest }: z.output<typeof adapterObjectSchema>) => ({ ...rest, urls: urls ?? (url ? [url] : []) })),
);

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
