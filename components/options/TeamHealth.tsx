// The manager's team health (options page → #health): is the handoff standard
// followed? Figures for a chosen period from the server, two bar charts
// (Chart.js, only the pieces used), and a CSV export.
import { useEffect, useRef, useState } from 'react';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { z } from 'zod';
import { teamHealthAnswerSchema, type TeamHealth as Health } from '@/lib/engagement/team-health';
import { ruleLabel } from '@/lib/packet/labels';
import { useLocale, useT } from '../shared/i18n';
import { errorText, serverApi, type ServerAnswer } from '../shared/server-api';
import { HandoffAccuracy } from './HandoffAccuracy';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const DAY = 86_400_000;
const PERIODS = [7, 30, 90] as const;

/** A horizontal bar chart; `counts` makes the value axis whole numbers (1, 2, 3 — never 0.5 packets). */
function BarChart({ labels, values, label, max, counts }: { labels: string[]; values: number[]; label: string; max?: number; counts?: boolean }) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets: [{ label, data: values, backgroundColor: '#1f4e8c' }] },
      options: { animation: false, indexAxis: 'y', responsive: true, maintainAspectRatio: false, scales: { x: { beginAtZero: true, ...(max ? { max } : {}), ...(counts ? { ticks: { precision: 0 } } : {}) } } },
    });
    return () => chart.destroy();
  }, [labels, values, label, max, counts]);
  return (
    <div className="chart" style={{ height: `${Math.max(80, labels.length * 28 + 40)}px` }}>
      <canvas ref={canvas} role="img" aria-label={`${label}: ${labels.map((l, i) => `${l} ${values[i]}`).join(', ')}`} />
    </div>
  );
}

export function TeamHealth() {
  const t = useT();
  const locale = useLocale();
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30);
  const [data, setData] = useState<{ period: { from: string; to: string }; health: Health } | null>(null);
  const [failure, setFailure] = useState<ServerAnswer<unknown> | null>(null);
  const [csvUrl, setCsvUrl] = useState<string | null>(null);

  useEffect(() => {
    setData(null);
    const to = new Date();
    const from = new Date(to.getTime() - days * DAY);
    const q = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
    void serverApi('GET', `/v1/team/health?${q}`, undefined, teamHealthAnswerSchema).then((r) => {
      if (r.ok) setData(r.json);
      else setFailure(r);
    });
    void serverApi('GET', `/v1/team/health?${q}&format=csv`, undefined, z.string()).then((r) => {
      if (r.ok && typeof r.json === 'string') setCsvUrl(URL.createObjectURL(new Blob([r.json], { type: 'text/csv' })));
    });
  }, [days]);

  const h = data?.health;
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v}%`);
  const figures: [string, string, string][] = h
    ? [
        ['submissions', t('health.submissions'), String(h.submittedPackets)],
        ['returned', t('health.returned'), String(h.returnedPackets)],
        ['completeness', t('health.completeness'), pct(h.completenessAtSubmission?.mean)],
        ['closeToAccept', t('health.closeToAccept'), h.closeToAcceptanceHours ? t('health.hours', { h: h.closeToAcceptanceHours.median }) : '—'],
        ['returnRate', t('health.returnRate'), pct(h.returnRate)],
        ['introSla', t('health.introSla'), h.intro.due ? `${pct(h.intro.rate)} (${h.intro.onTime}/${h.intro.due})` : '—'],
        ['claimsExpiring', t('health.claimsExpiring'), String(h.claimsExpiringThisWeek)],
        ['openConflicts', t('health.openConflicts'), String(h.openConflicts)],
      ]
    : [];
  return (
    <section className="card" id="health" aria-labelledby="health-h" data-field="team-health">
      <h2 id="health-h">{t('health.heading')}</h2>
      <div className="row">
        {PERIODS.map((d) => (
          <label key={d} className="inline">
            <input type="radio" name="period" checked={days === d} onChange={() => setDays(d)} /> {t('health.lastDays', { d })}
          </label>
        ))}
        {csvUrl && data && (
          <a href={csvUrl} download={`baton-team-health-${data.period.from.slice(0, 10)}-${data.period.to.slice(0, 10)}.csv`} data-field="health-csv">
            {t('health.csv')}
          </a>
        )}
      </div>
      {!h ? (
        <p className="muted" role="status">
          {failure ? errorText(failure, locale) : (
            <>
              <span className="spinner" aria-hidden="true" /> {t('loading')}
            </>
          )}
        </p>
      ) : (
        <>
          <dl className="figures">
            {figures.map(([id, label, value]) => (
              <div key={id} data-health={id} data-value={value}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <p className="muted">{t('health.countsPackets')}</p>
          <BarChart
            label={t('health.rates')}
            labels={[t('health.completeness'), t('health.returnRate'), t('health.introSla')]}
            values={[h.completenessAtSubmission?.mean ?? 0, h.returnRate ?? 0, h.intro.rate ?? 0]}
            max={100}
          />
          {h.topReturnReasons.length > 0 && (
            <>
              <h3>{t('health.topReasons')}</h3>
              <BarChart label={t('health.topReasons')} labels={h.topReturnReasons.map((r) => ruleLabel(r.item, locale))} values={h.topReturnReasons.map((r) => r.count)} counts />
            </>
          )}
          {data && <HandoffAccuracy period={data.period} />}
        </>
      )}
    </section>
  );
}
