// The manager's health trends (options page → #health-trends; issue 16 item 5):
// per rep and per CSM, a chosen figure week by week (line charts), the handoff
// funnel, the period's intro SLA and retrospective accuracy, filters (period,
// rep, CSM, stage) and a CSV of what is shown. Figures: GET /v1/team/health/trends.
import { useEffect, useMemo, useRef, useState } from 'react';
import { healthTrendsSchema, WEEK_FIGURES, type HealthTrends as Trends, type WeekFigures } from '@/lib/engagement/health-trends';
import { trendsCsv } from '@/lib/engagement/trends-csv';
import type { MessageKey } from '@/lib/i18n/messages.en';
import { useLocale, useT } from '../shared/i18n';
import { errorText, serverApi } from '../shared/server-api';
import { TrendChart } from './TrendChart';
import { TrendsFilters, trendsQuery, type TrendsFilter } from './TrendsFilters';

type Figure = keyof WeekFigures;
const COUNTS: Figure[] = ['submitted', 'accepted', 'returned', 'introDue', 'introOnTime'];
const PERCENTS: Figure[] = ['completeness', 'introRate', 'accuracy'];
/** A CSM's series have no submission figures (nobody has reviewed a submission when it is made). */
const CSM_FIGURES = WEEK_FIGURES.filter((f) => f !== 'submitted' && f !== 'completeness');
const DAY = 86_400_000;

/** Today (UTC) and twelve weeks before it, as dates. */
function lastTwelveWeeks(): TrendsFilter {
  const today = new Date().toISOString().slice(0, 10);
  return { from: new Date(Date.parse(today) - 83 * DAY).toISOString().slice(0, 10), to: today, rep: '', csm: '', stage: '' };
}

const CSV_LABELS: Record<string, MessageKey> = {
  from: 'trends.from',
  to: 'trends.to',
  rep: 'trends.rep',
  csm: 'trends.csm',
  stage: 'trends.stage',
  drafts: 'trends.funnel.drafts',
  judged: 'trends.judged',
  right: 'trends.right',
  side: 'trends.side',
  person: 'trends.person',
  week: 'trends.week',
  weekStart: 'trends.weekStart',
};

function PersonTrends({ side, data, figures }: { side: 'rep' | 'csm'; data: Trends; figures: readonly Figure[] }) {
  const t = useT();
  const [figure, setFigure] = useState<Figure>(figures[0]!);
  const series = useMemo(() => (side === 'rep' ? data.reps : data.csms).map((s) => ({ name: s.name, values: s.weeks.map((w) => w[figure]) })), [data, side, figure]);
  const labels = useMemo(() => data.weeks.map((w) => w.week), [data]);
  const title = t(`trends.f.${figure}` as MessageKey);
  return (
    <section aria-labelledby={`trends-${side}-h`} data-field={`trends-per-${side}`}>
      <div className="row">
        <h3 id={`trends-${side}-h`}>{t(side === 'rep' ? 'trends.perRep' : 'trends.perCsm')}</h3>
        <label className="inline">
          {t('trends.figure')}
          <select data-field={`trends-${side}-figure`} value={figure} onChange={(e) => setFigure(e.target.value as Figure)}>
            {figures.map((f) => (
              <option key={f} value={f}>
                {t(`trends.f.${f}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {series.length ? <TrendChart id={side} title={title} labels={labels} series={series} counts={COUNTS.includes(figure)} {...(PERCENTS.includes(figure) ? { max: 100 } : {})} /> : <p className="muted">{t('trends.nobody')}</p>}
    </section>
  );
}

/** The funnel as proportional bars, each with its count as text. */
function Funnel({ funnel }: { funnel: Trends['funnel'] }) {
  const t = useT();
  const steps = (['drafts', 'submitted', 'accepted', 'returned'] as const).map((k) => [k, funnel[k]] as const);
  const most = Math.max(1, ...steps.map(([, n]) => n ?? 0));
  return (
    <section aria-labelledby="trends-funnel-h">
      <h3 id="trends-funnel-h">{t('trends.funnel')}</h3>
      <ol className="funnel" data-field="trends-funnel">
        {steps.map(([k, n]) => (
          <li key={k} data-step={k} data-value={n ?? ''}>
            <span className="funnel-label">{t(`trends.funnel.${k}`)}</span>
            <span className="funnel-bar" style={{ width: `${((n ?? 0) / most) * 100}%` }} aria-hidden="true" />
            <span className="funnel-count">{n ?? t('trends.funnel.noDrafts')}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function HealthTrends() {
  const t = useT();
  const locale = useLocale();
  const [filter, setFilter] = useState<TrendsFilter>(lastTwelveWeeks);
  const [data, setData] = useState<Trends | null>(null);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const asked = useRef(0);

  useEffect(() => {
    const n = ++asked.current;
    setLoading(true);
    void serverApi('GET', `/v1/team/health/trends?${trendsQuery(filter)}`, undefined, healthTrendsSchema).then((r) => {
      if (n !== asked.current) return; // a newer filter was asked for meanwhile
      setLoading(false);
      if (r.ok) {
        setData(r.json);
        setFailure(null);
      } else setFailure(errorText(r, locale));
    });
  }, [filter, locale]);

  const stageLabel = (id: string) => (id === 'cs' || id === 'implementation' ? t(`trends.stage.${id}`) : id);
  const download = () => {
    if (!data) return;
    const names = new Map([...data.choices.reps, ...data.choices.csms].map((p) => [p.id, p.name]));
    const label = (id: string) => t(CSV_LABELS[id] ?? (`trends.f.${id}` as MessageKey));
    const csv = trendsCsv({ ...data, filter: { ...data.filter, stage: data.filter.stage && stageLabel(data.filter.stage) } }, label, (id) => names.get(id) ?? `#${id}`);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
    a.download = `baton-health-trends-${filter.from}-${filter.to}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
  };

  return (
    <section className="card" id="health-trends" aria-labelledby="trends-h" aria-busy={loading} data-field="health-trends">
      <div className="row">
        <h2 id="trends-h">{t('trends.heading')}</h2>
        <button type="button" data-field="trends-csv" onClick={download} disabled={!data || loading}>
          {t('trends.csv')}
        </button>
      </div>
      <p className="muted">{t('trends.note')}</p>
      <TrendsFilters value={filter} onChange={setFilter} choices={data?.choices ?? null} stageLabel={stageLabel} />
      {loading && (
        <p className="muted" role="status" data-field="trends-loading">
          <span className="spinner" aria-hidden="true" /> {t('trends.loading')}
        </p>
      )}
      {failure && (
        <p className="errors" role="alert" data-field="trends-error">
          {failure}
        </p>
      )}
      {data && (
        <div className={loading ? 'stale' : undefined}>
          <Funnel funnel={data.funnel} />
          <dl className="figures">
            <div data-health="trends-intro" data-value={data.intro.rate ?? ''}>
              <dt>{t('trends.intro')}</dt>
              <dd>{data.intro.rate === null ? t('trends.noneYet') : t('trends.introValue', { rate: data.intro.rate, onTime: data.intro.onTime, due: data.intro.due })}</dd>
            </div>
            <div data-health="trends-accuracy" data-value={data.accuracy.rate ?? ''}>
              <dt>{t('trends.accuracy')}</dt>
              <dd>{data.accuracy.rate === null ? t('trends.noneYet') : t('trends.accuracyValue', { rate: data.accuracy.rate, right: data.accuracy.right, judged: data.accuracy.judged })}</dd>
            </div>
          </dl>
          <PersonTrends side="rep" data={data} figures={WEEK_FIGURES} />
          <PersonTrends side="csm" data={data} figures={CSM_FIGURES} />
        </div>
      )}
    </section>
  );
}
