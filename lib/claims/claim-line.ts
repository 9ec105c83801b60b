// Key accounts: several departments or product lines of one group buy
// separately, so a claim may cover one line ("华为 + 云业务") instead of the
// whole customer. The database compares lines as integer spans (migration
// 0007): the whole customer is [0, 2^31-1), a line is [h, h+1) with h a hash
// of its folded name. A whole-customer claim overlaps every line; two lines
// overlap only when they are the same line.
import { foldTraditional } from './fold-traditional';

export const WHOLE_SPAN = '[0,2147483647)';

/** The line as compared: width, script, case, punctuation and spacing folded ("Cloud BU" = "cloud-bu" = "ＣＬＯＵＤ ＢＵ"). */
export function normalizeLine(line: string): string {
  return foldTraditional(line.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}

/** FNV-1a, 32 bits, then kept below 2^31 - 1 so [h, h+1) stays inside the whole span. */
function hash31(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 2147483646;
}

/** The int4range text a claim's key rows cover. null/blank line: the whole customer. */
export function lineSpan(line: string | null | undefined): string {
  const n = line ? normalizeLine(line) : '';
  if (!n) return WHOLE_SPAN;
  const h = hash31(n);
  return `[${h},${h + 1})`;
}

/** Does a claim on line `a` block a claim on line `b`? (null: the whole customer) */
export function linesOverlap(a: string | null | undefined, b: string | null | undefined): boolean {
  return lineSpan(a) === WHOLE_SPAN || lineSpan(b) === WHOLE_SPAN || lineSpan(a) === lineSpan(b);
}
