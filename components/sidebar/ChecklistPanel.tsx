// Completeness meter and what is still missing, each item a link to its field.
import { detailLabel, ruleLabel } from '@/lib/packet/labels';
import type { Score } from '@/lib/packet/score';
import { useLocale, useT } from '../shared/i18n';
import { goToField } from './go-to-field';

export function ChecklistPanel({ score, threshold }: { score: Score; threshold: number }) {
  const t = useT();
  const locale = useLocale();
  const optionalOpen = score.items.filter((i) => !i.required && !i.satisfied);
  return (
    <section className="checklist" aria-label={t('checklist')}>
      <div className="meter">
        <strong>{t('completeness')}</strong>
        <progress max={100} value={score.completeness} aria-label={t('completeness')} />
        <span data-field="completeness" data-value={score.completeness}>
          {score.completeness}%
        </span>
        <span className="muted">/ {threshold}%</span>
      </div>
      {score.missingRequired.length ? (
        <>
          <div className="muted">{t('missingRequired')}</div>
          <ul className="missing" data-field="missing">
            {score.missingRequired.map((i) => (
              <li key={i.id} data-missing={i.id}>
                <a
                  href={`#${i.linkPath}`}
                  onClick={(e) => {
                    e.preventDefault();
                    goToField(i.linkPath);
                  }}
                >
                  {ruleLabel(i.id, locale)}
                </a>
                {i.detail && <span className="muted"> — {detailLabel(i.detail, locale)}</span>}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <div className="okmsg">{t('allRequiredDone')}</div>
      )}
      {optionalOpen.length > 0 && (
        <details className="optional-list">
          <summary className="muted">
            {t('optional')} ({optionalOpen.length})
          </summary>
          <ul className="missing">
            {optionalOpen.map((i) => (
              <li key={i.id}>
                <a
                  href={`#${i.linkPath}`}
                  className="muted"
                  onClick={(e) => {
                    e.preventDefault();
                    goToField(i.linkPath);
                  }}
                >
                  {ruleLabel(i.id, locale)}
                </a>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
