// One editable value. Text is stored as typed; numbers as numbers (or null when
// empty); enums as their value (or null). Values are rendered as text only.
// Read-only (the edit rule does not let this person change it now): text stays
// selectable and focusable; choices and checkboxes are disabled.
import type { FieldKind } from '@/lib/packet/sections';
import { enumLabel } from '@/lib/packet/labels';
import { useLocale } from '../shared/i18n';

interface Props {
  id?: string;
  kind: FieldKind;
  value: unknown;
  options?: readonly string[] | undefined;
  label: string;
  dataPath: string;
  readOnly?: boolean;
  onChange: (value: unknown) => void;
}

function toNumber(raw: string, int: boolean): number | null {
  if (raw.trim() === '') return null;
  const n = Number(raw);
  if (!Number.isFinite(n)) return null;
  return int ? Math.trunc(n) : n;
}

export function FieldInput({ id, kind, value, options, label, dataPath, readOnly = false, onChange }: Props) {
  const locale = useLocale();
  const common = { id, 'aria-label': label, 'data-path': dataPath, readOnly, 'aria-readonly': readOnly || undefined };
  const choice = { id, 'aria-label': label, 'data-path': dataPath, disabled: readOnly };
  switch (kind) {
    case 'textarea':
      return <textarea {...common} rows={2} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
    case 'number':
    case 'int':
      return (
        <input
          {...common}
          type="number"
          inputMode={kind === 'int' ? 'numeric' : 'decimal'}
          step={kind === 'int' ? 1 : 'any'}
          min={0}
          value={value === null || value === undefined ? '' : String(value)}
          onChange={(e) => onChange(toNumber(e.target.value, kind === 'int'))}
        />
      );
    case 'date':
      return <input {...common} type="date" value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
    case 'bool':
      return <input {...choice} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
    case 'enum':
      return (
        <select {...choice} value={value === null || value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
          <option value="">—</option>
          {(options ?? []).map((o) => (
            <option key={o} value={o}>
              {enumLabel(o, locale)}
            </option>
          ))}
        </select>
      );
    default:
      return (
        <input
          {...common}
          type={kind === 'email' ? 'email' : kind === 'tel' ? 'tel' : 'text'}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}
