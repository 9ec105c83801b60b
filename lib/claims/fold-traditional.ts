// Traditional → Simplified for claim keys, without ever rewriting a name that
// is already Simplified. Simplification merged characters of different
// meaning (乾/干, 於/于, 後/后, 髮/发, 裡/里 …), and several of the Traditional
// ones are still written in Simplified names (乾坤, the surname 於); folding
// them would make "乾元科技" claim "干元科技", a different company.
//
// Rule: a name is Traditional when it has at least one character that only
// Traditional text uses (in OpenCC's Traditional→Simplified character table and
// not in SHARED below). Such a name is converted whole, with OpenCC's phrase
// tables (台湾 and 香港 conventions), so 臺灣/發達 fold as usual. A name without
// one is left exactly as it is.
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import * as OpenCC from 'opencc-js/t2cn';

const twToCn = OpenCC.Converter({ from: 'tw', to: 'cn' });
const hkToCn = OpenCC.Converter({ from: 'hk', to: 'cn' });

/**
 * Traditional characters that Simplified text also uses, with a meaning of
 * their own (一简对多繁: the Simplified form merged two words, and the
 * Traditional one survives in names, surnames or set phrases). Seeing one of
 * these says nothing about the script, so it never triggers a conversion.
 */
export const SHARED = new Set([...'乾於後髮裡夥徵']);

const TRADITIONAL_ONLY: ReadonlySet<string> = new Set(
  TS_CHARACTERS.split('|')
    .map((entry) => entry.split(' '))
    .filter(([t, s]) => t && s && t !== s && !SHARED.has(t))
    .map(([t]) => t!),
);

export function isTraditional(text: string): boolean {
  for (const c of text) if (TRADITIONAL_ONLY.has(c)) return true;
  return false;
}

/** The Simplified spelling of a Traditional name; any other text unchanged. */
export function foldTraditional(text: string): string {
  return isTraditional(text) ? hkToCn(twToCn(text)) : text;
}
