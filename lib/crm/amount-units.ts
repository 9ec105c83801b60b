// Words and signs that multiply a written amount, as powers of ten.
// CJK: 十 10¹, 百 10², 千/仟 10³, 万/萬/만 10⁴, 亿/億/억 10⁸; written one after
// another they multiply ("千万" 10⁷, "百万" 10⁶). 兆 is left out: 10¹² in Japan
// and Taiwan, 10⁶ in mainland usage.
// Latin: thousand, million, billion words and abbreviations whose meaning does
// not depend on the language ("k", "Mio.", "Mrd.", "Lakh", "Cr"). "M" is a
// million except in Spanish and Portuguese, where it is written for thousands
// ("MM" for millions), so there it is left unread (elsewhere, and with no
// language known, it is a million); "mil" is a thousand only in
// Spanish and Portuguese. The long-scale "billion" (10¹² in French, German,
// Spanish…) is never read.

export const CJK_UNITS: Readonly<Record<string, number>> = {
  十: 1, 拾: 1, 百: 2, 佰: 2, 千: 3, 仟: 3, 万: 4, 萬: 4, 亿: 8, 億: 8,
  십: 1, 백: 2, 천: 3, 만: 4, 억: 8,
};

const LATIN_UNITS: [RegExp, number][] = [
  [/^(?:k|K|Tsd\.?|thousand)$/, 3],
  [/^(?:lakhs?|Lakhs?|lacs?|Lacs?|L)$/, 5],
  [/^(?:Mio\.?|mio\.?|mln\.?|Mn|mn|million|millions|Million|Millionen|millones|millón|milhões|milhão|milioni|milione|miljoen)$/, 6],
  [/^(?:Cr|cr|crores?|Crores?)$/, 7],
  [/^(?:Mrd\.?|Md|Mds|mld\.?|bn|Bn|milliards?|Milliarden?|miliardi|miliardo|miljard)$/, 9],
];

/**
 * Power of ten a Latin word after a number stands for on a page in `lang`;
 * 'ambiguous' when it is a multiplier whose size the page does not settle;
 * null when it is no multiplier (a currency code or sign such as "USD", "kr").
 */
export function latinUnit(word: string, lang: string | null): number | 'ambiguous' | null {
  const iberian = lang === 'es' || lang === 'pt';
  if (word === 'M') return iberian ? 'ambiguous' : 6;
  if (word === 'mil') return iberian ? 3 : 'ambiguous';
  if (word === 'MM') return iberian ? 6 : 'ambiguous';
  for (const [re, exp] of LATIN_UNITS) if (re.test(word)) return exp;
  return null;
}
