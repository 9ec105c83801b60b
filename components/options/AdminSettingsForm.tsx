// A team settings form that everyone of the card may read and only an admin
// may change: the fields disabled for others, the save button for admins,
// the form's problems and "saved" under it. Checked with useFormErrors.
import type { ReactNode } from 'react';
import type { useFormErrors } from '../shared/form-errors';

type Props = {
  form: ReturnType<typeof useFormErrors>;
  admin: boolean;
  /** data-action of the save button, and its text */
  action: string;
  saveLabel: string;
  /** id of the problems' summary; the "saved" note's text (shown when `saved`) */
  errorsId: string;
  saved: string | null;
  onSubmit: () => Promise<void>;
  children: ReactNode;
};

export function AdminSettingsForm({ form, admin, action, saveLabel, errorsId, saved, onSubmit, children }: Props) {
  return (
    <form
      ref={form.ref}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      <fieldset disabled={!admin}>
        {children}
        {admin && (
          <button type="submit" className="primary" data-action={action}>
            {saveLabel}
          </button>
        )}
      </fieldset>
      {form.summary(errorsId)}
      {saved && <p role="status">{saved}</p>}
    </form>
  );
}
