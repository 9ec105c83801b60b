// The health trends as CSV (RFC 4180), for a spreadsheet: the period and
// filter, the funnel, the period's intro SLA and accuracy, then one row per
// person and week with every weekly figure. Cells that a spreadsheet would
// run as a formula (starting with = + - @, tab or carriage return: a rep
// named "=HYPERLINK(…)") are prefixed with ' (OWASP's CSV injection advice).
import { WEEK_FIGURES, type HealthTrends } from './health-trends';

/** One cell: blank for null, formula starters neutralised, quoted when it holds a comma, quote or line break. */
export function csvCell(v: string | number | boolean | null): string {
  if (v === null) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (cells: (string | number | boolean | null)[]) => cells.map(csvCell).join(',');

/**
 * The CSV text (CRLF line ends). `label` names the columns and rows in the
 * reader's language: it is asked for 'side', 'person', 'week', 'weekStart',
 * 'rep', 'csm', 'stage', 'from', 'to', the funnel steps ('drafts',
 * 'submitted', 'accepted', 'returned'), 'introDue', 'introOnTime',
 * 'introRate', 'judged', 'right', 'accuracy' and each of WEEK_FIGURES.
 */
export function trendsCsv(t: HealthTrends, label: (id: string) => string, nameOf: (userId: number) => string): string {
  const f = t.funnel;
  const rows = [
    line([label('from'), t.period.from]),
    line([label('to'), t.period.to]),
    line([label('rep'), t.filter.rep === null ? null : nameOf(t.filter.rep)]),
    line([label('csm'), t.filter.csm === null ? null : nameOf(t.filter.csm)]),
    line([label('stage'), t.filter.stage]),
    line([label('drafts'), f.drafts]),
    line([label('submitted'), f.submitted]),
    line([label('accepted'), f.accepted]),
    line([label('returned'), f.returned]),
    line([label('introDue'), t.intro.due]),
    line([label('introOnTime'), t.intro.onTime]),
    line([label('introRate'), t.intro.rate]),
    line([label('judged'), t.accuracy.judged]),
    line([label('right'), t.accuracy.right]),
    line([label('accuracy'), t.accuracy.rate]),
    '',
    line([label('side'), label('person'), label('week'), label('weekStart'), ...WEEK_FIGURES.map(label)]),
  ];
  for (const side of ['rep', 'csm'] as const)
    for (const s of side === 'rep' ? t.reps : t.csms)
      s.weeks.forEach((w, i) => rows.push(line([label(side), s.name, t.weeks[i]!.week, t.weeks[i]!.start, ...WEEK_FIGURES.map((k) => w[k])])));
  return rows.join('\r\n') + '\r\n';
}
