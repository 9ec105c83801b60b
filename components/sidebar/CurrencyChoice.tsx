// Asked when the amount was read but its currency was not ("$", "¥" or "kr"
// with nothing on the page or in the team's settings to settle it): the rep
// chooses, and the choice is kept as a typed override, never written back as
// if it had been read.
import { CurrencySelect } from '../shared/CurrencySelect';
import { useT } from '../shared/i18n';

interface Props {
  value: string;
  onChoose: (code: string) => void;
}

export function CurrencyChoice({ value, onChoose }: Props) {
  const t = useT();
  return (
    <label className="choose-currency" data-field="deal.currency.choose">
      <span className="warn">{t('chooseCurrency')}</span>
      <CurrencySelect value={value} onChange={onChoose} emptyLabel={t('chooseCurrencyPlaceholder')} label={t('chooseCurrency')} />
    </label>
  );
}
