// Asked when the amount was read but its currency was not ("$", "¥" or "kr"
// with nothing on the page to settle it): the rep chooses, and the choice is
// kept as a typed override, never written back as if it had been read.
import { REGION_CURRENCY } from '@/lib/crm/region-currency';
import { useLocale, useT } from '../shared/i18n';

const CODES = [...new Set(Object.values(REGION_CURRENCY))].sort();

interface Props {
  value: string;
  onChoose: (code: string) => void;
}

export function CurrencyChoice({ value, onChoose }: Props) {
  const t = useT();
  const locale = useLocale();
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([locale], { type: 'currency' });
  } catch {
    names = null;
  }
  return (
    <label className="choose-currency" data-field="deal.currency.choose">
      <span className="warn">{t('chooseCurrency')}</span>
      <select className="override" value={value} onChange={(e) => onChoose(e.target.value)} aria-label={t('chooseCurrency')}>
        <option value="">{t('chooseCurrencyPlaceholder')}</option>
        {CODES.map((c) => (
          <option key={c} value={c}>
            {c} — {names?.of(c) ?? c}
          </option>
        ))}
      </select>
    </label>
  );
}
