// ISO 8601 weeks (Monday to Sunday; week 1 holds the year's first Thursday),
// in UTC. The health trends bucket by UTC weeks because the team has no time
// zone setting and every time Baton stores is UTC: every manager, wherever
// their browser is, sees the same weeks and exports the same CSV (for a team
// in UTC+8 a week starts on Monday 08:00 local time).

const DAY = 86_400_000;

/** Monday 00:00 UTC of the ISO week holding `ms` (ms since the epoch). */
export function isoWeekStart(ms: number): number {
  const day = Math.floor(ms / DAY) * DAY;
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return day - weekday * DAY;
}

/** The ISO week's name, e.g. "2026-W45", of the week starting at `monday` (ms, a Monday 00:00 UTC). */
export function isoWeekName(monday: number): string {
  const thursday = new Date(monday + 3 * DAY); // the ISO year is the Thursday's year
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Every ISO week overlapping the half-open period [from, to), ms, as Monday starts. */
export function isoWeeksOf(from: number, to: number): number[] {
  const weeks: number[] = [];
  for (let w = isoWeekStart(from); w < to; w += 7 * DAY) weeks.push(w);
  return weeks;
}
