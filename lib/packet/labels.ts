// Labels of the packet editor in the three UI languages. The texts live in
// labels.json, one row per key, [zh-CN, zh-TW, en], so a missing translation
// is visible at a glance; the file is checked against its schema when this
// module loads, and a test checks every section, field and rule has a row.
import * as z from 'zod/mini';
import type { Locale } from '@/lib/i18n/locale';
import data from './labels.json';

const text = z.string().check(z.minLength(1));
/** One label: [zh-CN, zh-TW, en], none empty. */
const triSchema = z.readonly(z.tuple([text, text, text]));
type Tri = z.infer<typeof triSchema>;
const tableSchema = z.record(z.string(), triSchema);
/** labels.json: the texts are data (one row per key), checked here when the module loads. */
const labelsFileSchema = z.object({ sections: tableSchema, fields: tableSchema, enums: tableSchema, rules: tableSchema, details: tableSchema });

const pick = (t: Tri | undefined, locale: Locale, fallback: string) =>
  t ? (locale === 'zh-CN' ? t[0] : locale === 'zh-TW' ? t[1] : t[2]) : fallback;

const labels = labelsFileSchema.parse(data);
/** Editor sections by id. */
export const SECTION_LABELS: Record<string, Tri> = labels.sections;
/** Fields and list columns by packet path ("stakeholders.phone"). */
export const FIELD_LABELS: Record<string, Tri> = labels.fields;
/** Enum values (stakeholder roles, payment statuses, platforms…). */
export const ENUM_LABELS: Record<string, Tri> = labels.enums;
/** Checklist rules by id. */
export const RULE_LABELS: Record<string, Tri> = labels.rules;
/** What a checklist rule still misses ("risk.missing.severity"). */
export const DETAIL_LABELS: Record<string, Tri> = labels.details;

export const sectionLabel = (id: string, locale: Locale) => pick(SECTION_LABELS[id], locale, id);
export const fieldLabel = (path: string, locale: Locale) => pick(FIELD_LABELS[path], locale, path);
export const enumLabel = (value: string, locale: Locale) => pick(ENUM_LABELS[value], locale, value);
export const ruleLabel = (id: string, locale: Locale) => pick(RULE_LABELS[id], locale, id);

/** "risk.missing.severity+mitigation" → each missing part, joined. */
export function detailLabel(detail: string, locale: Locale): string {
  const m = /^risk\.missing\.(.+)$/.exec(detail);
  if (m?.[1]) return m[1].split('+').map((p) => pick(DETAIL_LABELS[`risk.missing.${p}`], locale, p)).join(locale === 'en' ? '; ' : '；');
  return pick(DETAIL_LABELS[detail], locale, detail);
}
