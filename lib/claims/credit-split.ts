// A conflict ruling's credit split (lib/claims/README.md): first touch, process and
// signing each go to one person; one person may hold several parts.
export interface CreditParts<T> {
  firstTouch: T;
  process: T;
  signing: T;
}

/** Percent of the credit per person, largest first; always adds up to 100. */
export function creditShares(who: CreditParts<number>, split: CreditParts<number>): { userId: number; percent: number }[] {
  const by = new Map<number, number>();
  for (const part of ['firstTouch', 'process', 'signing'] as const) by.set(who[part], (by.get(who[part]) ?? 0) + split[part]);
  return [...by].map(([userId, percent]) => ({ userId, percent })).sort((a, b) => b.percent - a.percent || a.userId - b.userId);
}
