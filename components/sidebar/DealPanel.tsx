// The deal as read from the CRM page. Each value carries the §5 test contract:
// data-field="deal.<name>" with the normalised value in data-value ('' when the
// page does not show it). Fields the page stopped showing can be typed. Values
// are only ever the current record's: the content script sends the new
// identity with no values as soon as the URL changes (state.reading).
import { memo } from 'react';
import type { DealField } from '@/lib/crm/types';
import type { TabDealState } from '@/extension/messaging/content-messages';
import { useLocale, useT } from '../shared/i18n';
import { CurrencyChoice } from './CurrencyChoice';

const SHOWN: DealField[] = ['dealName', 'accountName', 'amount', 'currency', 'stage', 'closeDate', 'owner', 'probability'];

function display(field: DealField, value: string | number | null, locale: string, currency: string | null) {
  if (value === null) return null;
  if (field === 'amount' && typeof value === 'number') {
    try {
      return currency
        ? new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value)
        : new Intl.NumberFormat(locale).format(value);
    } catch {
      return String(value);
    }
  }
  if (field === 'probability' && typeof value === 'number') return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
  return String(value);
}

interface Props {
  state: TabDealState;
  overrides: Partial<Record<DealField, string>>;
  lostFields: DealField[];
  /** the edit rule lets this person type a missing value (not a CSM reviewing) */
  canType: boolean;
  onOverride: (field: DealField, value: string) => void;
}

/** Memoized: the deal read changes with the page, not with each keystroke in the packet editor (issue 14). */
export const DealPanel = memo(function DealPanel({ state, overrides, lostFields, canType: mayType, onOverride }: Props) {
  const t = useT();
  const locale = useLocale();
  const snap = state.snapshot;
  return (
    <section className="deal" aria-label={t('dealHeading', { crm: state.crmName })}>
      <h2 className="deal-title" data-field="deal.dealName" data-value={snap.dealName ?? ''}>
        {snap.dealName ?? overrides.dealName ?? <em className="muted">{t('notShown')}</em>}
      </h2>
      {state.reading ? (
        <p className="muted" role="status" data-field="deal.reading">
          <span className="spinner" aria-hidden="true" /> {t('readingPage')}
        </p>
      ) : (
        !state.ready && <p className="warn" role="status">{t('notRendered')}</p>
      )}
      {lostFields.length > 0 && (
        <p className="warn" role="alert" data-field="deal.unreadable" data-value={lostFields.join(',')}>
          {t('couldNotRead', { fields: lostFields.map((f) => t(`deal.${f}`)).join(locale === 'en' ? ', ' : '、') })}
        </p>
      )}
      <dl className="deal-grid">
        {SHOWN.filter((f) => f !== 'dealName').map((f) => {
          const value = snap[f];
          const shown = display(f, value, locale, snap.currency ?? overrides.currency ?? null);
          // An amount read without its currency: the rep is asked, not given a guess.
          if (mayType && f === 'currency' && value === null && snap.amount !== null) {
            return (
              <div key={f} className="deal-row">
                <dt>{t('deal.currency')}</dt>
                <dd data-field="deal.currency" data-value="">
                  <CurrencyChoice value={overrides.currency ?? ''} onChoose={(code) => onOverride('currency', code)} />
                </dd>
              </div>
            );
          }
          // A blank asks the rep to type the value; while the new record is being
          // read, a blank is not yet a field to type.
          const canType = mayType && value === null && !state.reading;
          return (
            <div key={f} className="deal-row">
              <dt>{t(`deal.${f}`)}</dt>
              <dd data-field={`deal.${f}`} data-value={value === null ? '' : String(value)}>
                {shown ?? (
                  canType ? (
                    <input
                      className="override"
                      aria-label={t('typeValue', { field: t(`deal.${f}`) })}
                      placeholder={t('notShown')}
                      value={overrides[f] ?? ''}
                      onChange={(e) => onOverride(f, e.target.value)}
                    />
                  ) : overrides[f] ? (
                    <span>{overrides[f]}</span>
                  ) : (
                    <span className="muted">{t('notShown')}</span>
                  )
                )}
              </dd>
            </div>
          );
        })}
        <div className="deal-row">
          <dt>{t('deal.crm')}</dt>
          <dd data-field="deal.crm" data-value={state.identity.crm}>{state.crmName}</dd>
        </div>
        <div className="deal-row">
          <dt>{t('deal.recordId')}</dt>
          <dd data-field="deal.recordId" data-value={state.identity.recordId} className="mono">
            {state.identity.recordId}
          </dd>
        </div>
      </dl>
    </section>
  );
});
