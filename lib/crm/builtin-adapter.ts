// A built-in CRM adapter describes itself, like a refined-github feature: one
// file per CRM holds where it applies (hosts, URL rules), how it reads (field
// locators, labels per UI language), its pipeline's stages with their progress,
// and the URLs to try it on. The manifest's host permissions, the list of
// built-in CRMs and the stage → progress maps are derived from these files.
import { defineAdapter, type AdapterDefinition, type AdapterDefinitionInput } from './adapter-schema';
import { GENERIC_LABELS } from './adapters/common-labels';
import { DEAL_FIELDS } from './types';
import { labelsOf, type LabelsByLanguage, type UiLanguage } from './ui-languages';

/** Stage label as the CRM shows it → % through the sales process, per UI language. */
export type StageTable = Partial<Record<UiLanguage, Record<string, number>>>;

/** A URL the adapter must recognise, with the identity it must give. */
export interface DealTestUrl {
  url: string;
  tenant: string;
  recordId: string;
}

export interface TryOn {
  /** deal record pages, each with the identity it must detect as */
  deals: DealTestUrl[];
  /** pages on the CRM's hosts that are not a deal record (lists, other objects, settings) */
  notDeals: string[];
}

export interface BuiltinAdapter {
  /** the adapter as the reader runs it (label locators already added) */
  definition: AdapterDefinition;
  labels: LabelsByLanguage;
  stages: StageTable;
  tryOn: TryOn;
}

export interface BuiltinAdapterInput {
  /** hosts, URL rules and CSS locators; each field's label locator is added from `labels` */
  definition: AdapterDefinitionInput;
  labels: LabelsByLanguage;
  stages: StageTable;
  tryOn: TryOn;
}

/**
 * Adds one label locator per labelled field, after the field's CSS locators
 * (selectors are exact; labels are the fallback when markup changes). The
 * locator holds the CRM's own labels in every language, then the generic ones.
 */
export function defineBuiltinAdapter(input: BuiltinAdapterInput): BuiltinAdapter {
  const fields: Record<string, unknown[]> = { ...(input.definition.fields as Record<string, unknown[]>) };
  for (const field of DEAL_FIELDS) {
    const own = labelsOf(input.labels, field);
    if (own.length === 0) continue;
    const label = [...new Set([...own, ...(GENERIC_LABELS[field] ?? [])])];
    fields[field] = [...(fields[field] ?? []), { label }];
  }
  const definition = defineAdapter({ ...input.definition, fields } as AdapterDefinitionInput);
  return { definition, labels: input.labels, stages: input.stages, tryOn: input.tryOn };
}
