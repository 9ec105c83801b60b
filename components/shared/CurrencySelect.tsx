// A currency picker: ISO 4217 codes with their names in the UI language
// (Intl.DisplayNames), over the currencies of lib/crm/region-currency.ts.
import { REGION_CURRENCY } from '@/lib/crm/region-currency';
import { useLocale } from './i18n';

const CODES = [...new Set(Object.values(REGION_CURRENCY))].sort();

interface Props {
  value: string;
  onChange: (code: string) => void;
  /** text of the empty choice */
  emptyLabel: string;
  label: string;
  name?: string;
}

export function CurrencySelect({ value, onChange, emptyLabel, label, name }: Props) {
  const locale = useLocale();
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([locale], { type: 'currency' });
  } catch {
    names = null;
  }
  return (
    <select className="override" name={name} value={value} onChange={(e) => onChange(e.target.value)} aria-label={label}>
      <option value="">{emptyLabel}</option>
      {CODES.map((c) => (
        <option key={c} value={c}>
          {c} — {names?.of(c) ?? c}
        </option>
      ))}
    </select>
  );
}
