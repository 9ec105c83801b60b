// Company legal names → one comparable key, so "台灣好食股份有限公司",
// "台湾好食有限公司" and "ＴＡＩＷＡＮ好食" claim the same customer. Each fold is
// listed with examples in test/lib/claims/normalize.test.ts, including pairs
// that must stay apart: over-folding (two companies colliding) is as much a
// bug as under-folding.
import { foldTraditional } from './fold-traditional';
import { buildLegalForms, stripLegalForms } from './legal-forms';

// Cyrillic and Greek letters that look like Latin ones. Folded only inside a
// word that also has Latin letters ("Аpple" with a Cyrillic А), so a lookalike
// spelling cannot dodge a claim; a name written wholly in Cyrillic or Greek
// ("Аэрофлот") is left as it is.
const LOOKALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ү: 'y',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', μ: 'u', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ζ: 'z',
};
const MIXED_WORD = /[\p{L}\p{M}]+/gu;
const foldLookalikes = (s: string) =>
  s.replace(MIXED_WORD, (w) => (/\p{Script=Latin}/u.test(w) && /[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(w) ? [...w].map((c) => LOOKALIKES[c] ?? c).join('') : w));

// Japanese legal forms, written before or after the name (株式会社三菱 / 三菱株式会社).
const JP_FORMS = ['株式会社', '有限会社', '合同会社'];

// Only the country qualifier is a legal-form decoration; a city in brackets
// ("(上海)", "(Shenzhen)") names a different legal entity and is kept.
const COUNTRY_QUALIFIER = /[(（]\s*(中国|中国大陆|china|prc|p\.r\.c\.?)\s*[)）]/gi;

/** Everything but the legal forms: script, width, case, accents, lookalikes, punctuation. Words stay space-separated. */
function foldName(name: string): string {
  let s = name.normalize('NFKC'); // full-width → half-width, （ → (
  s = foldTraditional(s); // only a name written in Traditional characters
  s = s.toLowerCase();
  // Accents on Latin letters only ("Société" = "Societe"); kana voicing marks are meaning.
  s = s.normalize('NFD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1').normalize('NFC');
  s = foldLookalikes(s);
  s = s.replace(COUNTRY_QUALIFIER, ' ');
  s = s.replace(/[(（]\s*(株|有)\s*[)）]/g, ' '); // ㈱ / (株), abbreviated 株式会社
  // Dotted abbreviations are one word: "l.l.c." → "llc", "s.a." → "sa".
  s = s.replace(/(?<![a-z])(?:[a-z]\.){2,}/g, (m) => m.replace(/\./g, ''));
  s = s.replace(/&/g, ' and ');
  s = s.replace(/[\p{P}\p{S}]+/gu, ' '); // punctuation and symbols → space
  return s.replace(/\s+/g, ' ').trim();
}

const LEGAL_FORMS = buildLegalForms(foldName);

export function normalizeCompany(name: string | null | undefined): string | null {
  if (!name) return null;
  let s = foldName(name);
  for (const form of JP_FORMS) {
    if (s.startsWith(form) && s.length > form.length) s = s.slice(form.length).trim();
  }
  s = s.replace(/^the /, '');
  s = stripLegalForms(s, LEGAL_FORMS).replace(/\s+/g, '');
  return s.length ? s : null;
}
