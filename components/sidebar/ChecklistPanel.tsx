// Completeness meter and what is still missing, each item a link to its field.
// A required item the CRM page filled in but the rep has not confirmed is listed
// apart, "to confirm", not missing (issue 19); it still blocks submission.
import { detailLabel, ruleLabel } from '@/lib/packet/labels';
import type { Score, ScoredItem } from '@/lib/packet/score';
import { useLocale, useT } from '../shared/i18n';
import { goToField } from './go-to-field';

function ItemLink({ item, className }: { item: ScoredItem; className?: string }) {
  const locale = useLocale();
  return (
    <a
      href={`#${item.linkPath}`}
      className={className}
      onClick={(e) => {
        e.preventDefault();
        goToField(item.linkPath);
      }}
    >
      {ruleLabel(item.id, locale)}
    </a>
  );
}

export function ChecklistPanel({ score, threshold }: { score: Score; threshold: number }) {
  const t = useT();
  const locale = useLocale();
  const optionalOpen = score.items.filter((i) => !i.required && !i.satisfied);
  const missing = score.missingRequired.filter((i) => !i.toConfirm);
  const toConfirm = score.missingRequired.filter((i) => i.toConfirm);
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
      {toConfirm.length > 0 && (
        <>
          <div className="muted">{t('toConfirmRequired')}</div>
          <ul className="missing to-confirm" data-field="to-confirm">
            {toConfirm.map((i) => (
              <li key={i.id} data-to-confirm={i.id}>
                <ItemLink item={i} />
              </li>
            ))}
          </ul>
        </>
      )}
      {missing.length ? (
        <>
          <div className="muted">{t('missingRequired')}</div>
          <ul className="missing" data-field="missing">
            {missing.map((i) => (
              <li key={i.id} data-missing={i.id}>
                <ItemLink item={i} />
                {i.detail && <span className="muted"> — {detailLabel(i.detail, locale)}</span>}
              </li>
            ))}
          </ul>
        </>
      ) : (
        toConfirm.length === 0 && <div className="okmsg">{t('allRequiredDone')}</div>
      )}
      {optionalOpen.length > 0 && (
        <details className="optional-list">
          <summary className="muted">
            {t('optional')} ({optionalOpen.length})
          </summary>
          <ul className="missing">
            {optionalOpen.map((i) => (
              <li key={i.id} data-to-confirm={i.toConfirm ? i.id : undefined}>
                <ItemLink item={i} className="muted" />
                {i.toConfirm && <span className="muted"> — {t('toConfirmShort')}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
