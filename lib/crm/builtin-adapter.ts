// A built-in CRM adapter describes itself, like a refined-github feature: two
// files per CRM hold where it applies (hosts, URL rules), how it reads (field
// locators, labels per UI language), its pipeline's stages with their progress,
// and the URLs to try it on — the data in `<id>.json`, the locators built in
// code and the stages in `<id>.ts`. The manifest's host permissions, the list
// of built-in CRMs and the stage → progress maps are derived from these files.
import * as z from 'zod/mini';
import { adapterDefinitionSchema, type AdapterDefinition, type AdapterDefinitionInput } from './adapter-schema';
import { GENERIC_LABELS } from './adapters/common-labels';
import { extrasLocatorsSchema, type ExtrasLocators } from './extras-schema';
import { DEAL_FIELDS } from './types';
import { labelsByLanguageSchema, labelsOf, type LabelsByLanguage, type UiLanguage } from './ui-languages';

/** Stage label as the CRM shows it → % through the sales process, per UI language. */
export type StageTable = Partial<Record<UiLanguage, Record<string, number>>>;

const text = z.string().check(z.minLength(1));

/** A URL the adapter must recognise, with the identity it must give. */
const dealTestUrlSchema = z.strictObject({ url: text, tenant: text, recordId: text });
export type DealTestUrl = z.infer<typeof dealTestUrlSchema>;

const tryOnSchema = z.strictObject({
  /** deal record pages, each with the identity it must detect as */
  deals: z.array(dealTestUrlSchema),
  /** pages on the CRM's hosts that are not a deal record (lists, other objects, settings) */
  notDeals: z.array(text),
});
export type TryOn = z.infer<typeof tryOnSchema>;

/**
 * An adapter's data, in `<id>.json` beside its file: its definition but for
 * the field locators (id, name, hosts, URL rule, reading options; checked
 * whole by the adapter schema once the locators join it), the CRM's field
 * labels per UI language with their public sources, and the URLs to try it on.
 */
export const builtinAdapterDataSchema = z.strictObject({
  definition: z.record(z.string(), z.unknown()),
  labels: labelsByLanguageSchema,
  tryOn: tryOnSchema,
  /**
   * Where its deal page shows contacts, activities, line items and long texts
   * (issue 19), with the public sources of their texts. Kept out of
   * `definition`: the content script bundles the definitions, and the extras
   * are read by the script the background injects on demand.
   */
  extras: z.optional(extrasLocatorsSchema),
  extrasSource: z.optional(text),
});

export interface BuiltinAdapter {
  /** the adapter as the reader runs it (label locators already added) */
  definition: AdapterDefinition;
  labels: LabelsByLanguage;
  stages: StageTable;
  tryOn: TryOn;
  /** its extras locators (null: it reads none) */
  extras: ExtrasLocators | null;
}

export interface BuiltinAdapterInput {
  /** the adapter's `<id>.json`, checked against builtinAdapterDataSchema */
  data: unknown;
  /** CSS locators per field (built in code); each field's label locator is added from the labels in `data` */
  fields: AdapterDefinitionInput['fields'];
  stages: StageTable;
}

/**
 * Adds one label locator per labelled field, after the field's CSS locators
 * (selectors are exact; labels are the fallback when markup changes). The
 * locator holds the CRM's own labels in every language, then the generic ones.
 */
export function defineBuiltinAdapter(input: BuiltinAdapterInput): BuiltinAdapter {
  const { definition: where, labels, tryOn, extras } = builtinAdapterDataSchema.parse(input.data);
  const fields: Record<string, unknown[]> = { ...(input.fields as Record<string, unknown[]>) };
  for (const field of DEAL_FIELDS) {
    const own = labelsOf(labels, field);
    if (own.length === 0) continue;
    const label = [...new Set([...own, ...(GENERIC_LABELS[field] ?? [])])];
    fields[field] = [...(fields[field] ?? []), { label }];
  }
  const definition = adapterDefinitionSchema.parse({ ...where, fields });
  return { definition, labels, stages: input.stages, tryOn, extras: extras ?? null };
}
