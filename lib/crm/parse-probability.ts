// The CRM's own win probability as a page shows it ("75%", "75 %", "75", "٪75",
// "75％") → a number 0–100. Anything else (a fraction such as 0.75, a range,
// text with two numbers, a value over 100) is null: a wrong figure would move
// "When CS joins", a blank only leaves it to the stage.
export function parseProbability(text: string | null): number | null {
  if (!text) return null;
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const m = /^[%٪]?(\d{1,3}(?:[.,]\d+)?)[%٪]?$/.exec(t);
  if (!m?.[1]) return null;
  const n = Number(m[1].replace(',', '.'));
  if (!Number.isFinite(n) || n < 0 || n > 100) return null;
  // "0.75" without a percent sign is a fraction a CRM stored, not 0.75 %: unsure, so blank.
  if (n < 1 && n > 0 && !/[%٪]/.test(t)) return null;
  return n;
}
