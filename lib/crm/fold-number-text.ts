// Page text → plain ASCII digits, one kind of space and one minus sign, so the
// amount and date readers see "12 500,00 -" whatever the page wrote:
// full-width forms and other compatibility characters (NFKC), any script's
// decimal digits (Arabic-Indic ٣, Persian ۳, Devanagari ३, Bengali, Thai…),
// the Arabic decimal and thousands marks, every space (NBSP U+00A0, narrow
// NBSP U+202F, thin space U+2009, figure space U+2007) and the dash-like minus
// signs (U+2212 minus, U+2012 figure dash, U+2013 en dash, hyphens, small and
// full-width hyphen-minus).

/**
 * Value 0–9 of a Unicode decimal digit (General Category Nd). Unicode keeps
 * each script's digits as a contiguous run 0…9 (a stability guarantee), so the
 * value is the distance from the start of the run, modulo 10.
 */
function digitValue(ch: string): number {
  let cp = ch.codePointAt(0)!;
  let n = 0;
  while (/\p{Nd}/u.test(String.fromCodePoint(cp - 1))) {
    cp--;
    n++;
  }
  return n % 10;
}

export const MINUS_SIGNS = /[\u2212\u2012\u2013\u2010\u2011\ufe63\uff0d-]/g;

export function foldNumberText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[^\P{Nd}0-9]/gu, (d) => String(digitValue(d)))
    .replace(/\u066b/g, '.')
    .replace(/\u066c/g, ',')
    .replace(/\s+/g, ' ')
    .replace(MINUS_SIGNS, '-')
    .trim();
}
