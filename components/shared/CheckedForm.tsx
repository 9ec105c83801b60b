// A one-row form checked with useFormErrors: the browser's own validation off
// (the form shows the server schema's messages at each field instead), the
// form element registered for focusing the first problem, submit handled here.
import type { ReactNode } from 'react';
import type { useFormErrors } from './form-errors';

export function CheckedForm({ form, field, onSubmit, children }: { form: ReturnType<typeof useFormErrors>; field: string; onSubmit: () => Promise<void> | void; children: ReactNode }) {
  return (
    <form
      className="row"
      data-field={field}
      ref={form.ref}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}
