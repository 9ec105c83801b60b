// The UI languages Baton reads CRM pages in, and the shape of a CRM's field
// labels per language. Each built-in adapter keeps one record per language, so
// coverage ("does HubSpot have German labels for every field it reads by
// label?") is a property of the data that a test can check.
import { DEAL_FIELDS } from './types';

/** BCP 47 tags of the UI languages every built-in adapter should cover (issue 10, kind 3). */
export const UI_LANGUAGES = ['en', 'zh-CN', 'zh-TW', 'ja', 'ko', 'de', 'fr', 'es', 'pt-BR', 'it', 'nl'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Fields a CRM labels on its deal page: the snapshot's fields plus the CRM's own win % (probability). */
export const LABELLED_FIELDS = [...DEAL_FIELDS, 'probability'] as const;
export type LabelledField = (typeof LABELLED_FIELDS)[number];

/** One language of a CRM's UI: the label texts it shows per field, exactly as displayed. */
export interface LanguageLabels {
  labels: Partial<Record<LabelledField, string[]>>;
  /** where the texts were looked up (help page, report export, fixture…) */
  source: string;
  /**
   * Why some fields have no label in this language: texts that could not be
   * verified are left out rather than guessed (a wrong label is worse than none).
   */
  missing?: string;
}

export type LabelsByLanguage = Record<UiLanguage, LanguageLabels>;

/** Every label of a field across the languages, first language first, without repeats. */
export function labelsOf(table: LabelsByLanguage, field: LabelledField): string[] {
  const out = new Set<string>();
  for (const lang of UI_LANGUAGES) for (const l of table[lang].labels[field] ?? []) out.add(l);
  return [...out];
}

/** Fields this table labels in at least one language: the fields the adapter reads by label. */
export function labelledFields(table: LabelsByLanguage): LabelledField[] {
  return LABELLED_FIELDS.filter((f) => labelsOf(table, f).length > 0);
}

/** A language for which no label text could be verified: nothing is read by label in it. */
export const unverified = (missing: string): LanguageLabels => ({ labels: {}, source: 'none found', missing });
