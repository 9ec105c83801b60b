// A line chart of weekly series (Chart.js, only the pieces used: canvas, no
// eval, so it runs under the extension pages' CSP). For people who cannot see
// it, the canvas is an image whose label reads every series, and a table of
// the same numbers opens under it. A count axis shows whole numbers only
// (never "0.5 packets"); the ticks the chart drew are on data-ticks.
import { useEffect, useRef } from 'react';
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useT } from '../shared/i18n';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

// Distinct hues, and a point shape per series so the lines differ without colour.
const COLORS = ['#1f4e8c', '#c0392b', '#1e8449', '#8e44ad', '#d35400', '#117a65', '#7d6608', '#5d6d7e'];
const SHAPES = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot', 'rectRounded', 'cross'] as const;

export interface Series {
  name: string;
  values: (number | null)[];
}

/** `labels` are the weeks; `counts` makes the value axis whole numbers; `max` caps it (100 for %). */
export function TrendChart({ id, title, labels, series, counts, max }: { id: string; title: string; labels: string[]; series: Series[]; counts: boolean; max?: number }) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.name,
          data: s.values,
          borderColor: COLORS[i % COLORS.length],
          backgroundColor: COLORS[i % COLORS.length],
          pointStyle: SHAPES[i % SHAPES.length],
          pointRadius: 4,
          spanGaps: false,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ...(max ? { suggestedMax: max, max } : {}), ...(counts ? { ticks: { precision: 0 } } : {}) } },
        plugins: { legend: { position: 'bottom', labels: { font: { size: 12 } } } },
      },
    });
    canvas.current.dataset.ticks = chart.scales.y!.ticks.map((tick) => tick.value).join(',');
    return () => chart.destroy();
  }, [labels, series, counts, max]);
  const read = series.map((s) => `${s.name}: ${s.values.map((v, i) => `${labels[i]} ${v ?? '—'}`).join(', ')}`).join('; ');
  return (
    <figure className="trend" data-chart={id}>
      <div className="chart" style={{ height: '220px' }}>
        <canvas ref={canvas} role="img" aria-label={t('trends.chartLabel', { figure: title, weeks: labels.length, series: read })} />
      </div>
      <details>
        <summary>{t('trends.table')}</summary>
        <table className="trend-table" data-table={id}>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trends.person')}</th>
              {labels.map((l) => (
                <th key={l} scope="col">
                  {l}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.map((s, n) => (
              <tr key={n} data-series={s.name}>
                <th scope="row">{s.name}</th>
                {s.values.map((v, i) => (
                  <td key={labels[i]} data-week={labels[i]}>
                    {v ?? '—'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
