// PostgreSQL's unique_violation (23505), wherever the driver nests it: how a
// partial unique index tells the loser of a race.
export function isUniqueViolation(e: unknown): boolean {
  for (let x: unknown = e; x; x = (x as { cause?: unknown }).cause) if ((x as { code?: string }).code === '23505') return true;
  return false;
}

/** unique_violation (23505) or exclusion_violation (23P01): a live claim key overlapping another (claim_keys_one_live). */
export function isKeyConflict(e: unknown): boolean {
  for (let x: unknown = e; x; x = (x as { cause?: unknown }).cause) {
    const code = (x as { code?: string }).code;
    if (code === '23505' || code === '23P01') return true;
  }
  return false;
}
