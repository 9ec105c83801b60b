// Dates written with year/month/day characters → [year, month, day]:
// "2027年3月31日", "2027年03月31日(水)", "2027년 3월 31일", and years counted
// in an era: Japanese 令和/平成/昭和 ("令和9年3月31日", "令和元年5月1日") and the
// Republic of China (民國116年 = 2027). A Japanese era year is checked
// against Intl's Japanese calendar, so a date outside the era (令和元年4月1日,
// before 1 May 2019) is null, not moved into the next era.

/** First Gregorian year of each Japanese era Baton reads. */
const JAPANESE_ERAS: Record<string, number> = { 令和: 2019, 平成: 1989, 昭和: 1926 };
const ROC_ERAS = ['民國', '民国', '中華民國', '中华民国'];

const YMD = /(令和|平成|昭和|中華民國|中华民国|民國|民国)?\s*(\d{1,4}|元)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日号號일]/;

function japaneseEraHolds(era: string, y: number, m: number, d: number, eraYear: number): boolean {
  const parts = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' }).formatToParts(
    new Date(Date.UTC(y, m - 1, d)),
  );
  const shownEra = parts.find((p) => p.type === 'era')?.value;
  const shownYear = parts.find((p) => p.type === 'year')?.value;
  return shownEra === era && (shownYear === String(eraYear) || (eraYear === 1 && shownYear === '元'));
}

/** [year, month, day] of a 年月日 / 년월일 date, or null (no such date, or a year outside its era). */
export function readCjkDate(t: string): [number, number, number] | null {
  const m = YMD.exec(t);
  if (!m) return null;
  const era = m[1];
  const eraYear = m[2] === '元' ? 1 : Number(m[2]);
  const month = Number(m[3]);
  const day = Number(m[4]);
  if (!era) return m[2]!.length === 4 ? [eraYear, month, day] : null;
  if (ROC_ERAS.includes(era)) return eraYear >= 1 ? [1911 + eraYear, month, day] : null;
  const y = JAPANESE_ERAS[era]! + eraYear - 1;
  return eraYear >= 1 && japaneseEraHolds(era, y, month, day, eraYear) ? [y, month, day] : null;
}
