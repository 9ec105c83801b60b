// Month and weekday names of the page languages Baton reads dates in, taken
// from Intl.DateTimeFormat (CLDR) rather than typed: long and abbreviated, both
// the stand-alone form and the form used inside a date ("Dez" / "Dez.",
// "março" in "31 de março de 2027"). Compared without case, accents or a
// trailing dot, so "DÉC.", "dec" and "déc" are all December.
import { languageOf } from './locale-facts';

export const DATE_LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl'] as const;

export const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\.$/, '');

function namesIn(lang: string): { months: Map<string, number>; weekdays: Set<string> } {
  const months = new Map<string, number>();
  const weekdays = new Set<string>();
  for (const month of ['long', 'short'] as const) {
    const alone = new Intl.DateTimeFormat(lang, { month, timeZone: 'UTC' });
    const inDate = new Intl.DateTimeFormat(lang, { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' });
    for (let m = 0; m < 12; m++) {
      const d = new Date(Date.UTC(2027, m, 15));
      months.set(fold(alone.format(d)), m + 1);
      const part = inDate.formatToParts(d).find((p) => p.type === 'month')?.value;
      if (part) months.set(fold(part), m + 1);
    }
  }
  for (const weekday of ['long', 'short'] as const) {
    const f = new Intl.DateTimeFormat(lang, { weekday, timeZone: 'UTC' });
    for (let d = 0; d < 7; d++) weekdays.add(fold(f.format(new Date(Date.UTC(2027, 2, 1 + d)))));
  }
  return { months, weekdays };
}

const byLanguage = new Map<string, ReturnType<typeof namesIn>>();
const namesOf = (lang: string) => {
  if (!byLanguage.has(lang)) byLanguage.set(lang, namesIn(lang));
  return byLanguage.get(lang)!;
};

/** The languages a page's words are looked up in: its own when Baton reads it, else all of them. */
function languagesFor(locale: string | null | undefined): readonly string[] {
  const lang = languageOf(locale);
  return lang && (DATE_LANGUAGES as readonly string[]).includes(lang) ? [lang] : DATE_LANGUAGES;
}

/**
 * Month 1–12 a word names, or null. A word that is the start (3+ letters) of a
 * long name also counts ("Sept", "Dezemb"). Across languages the word must
 * name one month only.
 */
export function monthOf(word: string, locale?: string | null): number | null {
  const own = monthIn(fold(word), languagesFor(locale));
  // A page can show dates in another language than its UI (the user's locale): then any language, still unambiguous.
  return own ?? monthIn(fold(word), DATE_LANGUAGES);
}

function monthIn(w: string, languages: readonly string[]): number | null {
  const found = new Set<number>();
  for (const lang of languages) {
    const { months } = namesOf(lang);
    const exact = months.get(w);
    if (exact) found.add(exact);
    else if (w.length >= 3) for (const [name, m] of months) if (name.startsWith(w)) found.add(m);
  }
  return found.size === 1 ? [...found][0]! : null;
}

/** Whether the word is a weekday name ("Friday", "mer.", "Mittwoch"). */
export function isWeekday(word: string): boolean {
  const w = fold(word);
  return DATE_LANGUAGES.some((lang) => namesOf(lang).weekdays.has(w));
}
