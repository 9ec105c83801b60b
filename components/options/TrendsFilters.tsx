// The health trends' filters: the period (UTC dates, both ends included), a
// rep, a CSM and a handoff stage. Each change reloads the figures.
import type { HealthTrends } from '@/lib/engagement/health-trends';
import { useT } from '../shared/i18n';

export interface TrendsFilter {
  /** YYYY-MM-DD, UTC */
  from: string;
  /** YYYY-MM-DD, UTC, included */
  to: string;
  rep: string;
  csm: string;
  stage: string;
}

/** The query string of GET /v1/team/health/trends for a filter: the period's end is the day after `to`, 00:00 UTC. */
export function trendsQuery(f: TrendsFilter): string {
  const next = new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000);
  const to = Number.isNaN(next.getTime()) ? f.to : next.toISOString();
  const q = new URLSearchParams({ from: `${f.from}T00:00:00Z`, to });
  for (const k of ['rep', 'csm', 'stage'] as const) if (f[k]) q.set(k, f[k]);
  return q.toString();
}

interface PersonSelectProps {
  field: 'rep' | 'csm';
  label: string;
  value: string;
  onChange(e: { target: { value: string } }): void;
  list: { id: number; name: string }[] | undefined;
  everyone: string;
}

/** One person filter; a chosen person stays listed even when the new period has nobody by that id. */
function PersonSelect({ field, label, value, onChange, list, everyone }: PersonSelectProps) {
  const all = list ?? [];
  const people = value && !all.some((p) => String(p.id) === value) ? [...all, { id: Number(value), name: `#${value}` }] : all;
  return (
    <label className="inline">
      {label}
      <select data-field={`trends-${field}`} value={value} onChange={onChange}>
        <option value="">{everyone}</option>
        {people.map((p) => (
          <option key={p.id} value={String(p.id)}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function TrendsFilters({ value, onChange, choices, stageLabel }: { value: TrendsFilter; onChange(f: TrendsFilter): void; choices: HealthTrends['choices'] | null; stageLabel(id: string): string }) {
  const t = useT();
  const set = (k: keyof TrendsFilter) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value });
  return (
    <div className="row trends-filters" role="group" aria-label={t('trends.heading')}>
      <label className="inline">
        {t('trends.from')} <input type="date" data-field="trends-from" value={value.from} onChange={set('from')} required />
      </label>
      <label className="inline">
        {t('trends.to')} <input type="date" data-field="trends-to" value={value.to} onChange={set('to')} required />
      </label>
      <PersonSelect field="rep" label={t('trends.rep')} value={value.rep} onChange={set('rep')} list={choices?.reps} everyone={t('trends.everyone')} />
      <PersonSelect field="csm" label={t('trends.csm')} value={value.csm} onChange={set('csm')} list={choices?.csms} everyone={t('trends.everyone')} />
      <label className="inline">
        {t('trends.stage')}
        <select data-field="trends-stage" value={value.stage} onChange={set('stage')}>
          <option value="">{t('trends.allStages')}</option>
          {(choices?.stages ?? []).map((s) => (
            <option key={s} value={s}>
              {stageLabel(s)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
