// The UI languages Baton reads CRM pages in, and the shape of a CRM's field
// labels per language. Each built-in adapter keeps one record per language, so
// coverage ("does HubSpot have German labels for every field it reads by
// label?") is a property of the data that a test can check.
import * as z from 'zod/mini';
import { DEAL_FIELDS } from './types';

/** BCP 47 tags of the UI languages every built-in adapter should cover (issue 10, kind 3). */
export const UI_LANGUAGES = ['en', 'zh-CN', 'zh-TW', 'ja', 'ko', 'de', 'fr', 'es', 'pt-BR', 'it', 'nl'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Fields a CRM labels on its deal page: the snapshot's fields plus the CRM's own win % (probability). */
export const LABELLED_FIELDS = [...DEAL_FIELDS, 'probability'] as const;
export type LabelledField = (typeof LABELLED_FIELDS)[number];

const labelText = z.string().check(z.minLength(1));

/** One language of a CRM's UI. */
export const languageLabelsSchema = z.strictObject({
  /** the label texts it shows per field, exactly as displayed */
  labels: z.partialRecord(z.enum(LABELLED_FIELDS), z.array(labelText)),
  /** where the texts were looked up (help page, report export, fixture…); "none found" when nothing could be verified */
  source: labelText,
  /**
   * Why some fields have no label in this language: texts that could not be
   * verified are left out rather than guessed (a wrong label is worse than none).
   */
  missing: z.optional(labelText),
});
export type LanguageLabels = z.infer<typeof languageLabelsSchema>;

/** A CRM's labels in every UI language (each language present, even when nothing was found). */
export const labelsByLanguageSchema = z.record(z.enum(UI_LANGUAGES), languageLabelsSchema);
export type LabelsByLanguage = z.infer<typeof labelsByLanguageSchema>;

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
