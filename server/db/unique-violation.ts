// PostgreSQL's unique_violation (23505), wherever the driver nests it: how a
// partial unique index tells the loser of a race.
export function isUniqueViolation(e: unknown): boolean {
  for (let x: unknown = e; x; x = (x as { cause?: unknown }).cause) if ((x as { code?: string }).code === '23505') return true;
  return false;
}
