// A labelled text input of a form checked with useFormErrors: its problems
// show right after it and are read with it (aria-describedby).
import type { InputHTMLAttributes } from 'react';
import type { useFormErrors } from './form-errors';

type Props = {
  form: ReturnType<typeof useFormErrors>;
  /** the input's name: the API path its problems are placed by */
  name: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'value' | 'onChange' | 'form'>;

export function TextField({ form, name, label, value, onValue, ...input }: Props) {
  return (
    <label className="field">
      <span>{label}</span>
      <input name={name} {...input} value={value} onChange={(e) => onValue(e.target.value)} {...form.aria(name)} />
      {form.at(name)}
    </label>
  );
}
