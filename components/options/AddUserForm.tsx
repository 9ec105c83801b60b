// The admin's form to add a person to the team: name, role, channel and
// department, checked here with the server's own schema before it is sent.
import { useState } from 'react';
import { createUserBodySchema } from '@/lib/sync/api-schemas';
import { ROLES } from '@/lib/packet/edit-rights';
import { ChoiceOptions } from '../shared/ChoiceOptions';
import { CheckedForm } from '../shared/CheckedForm';
import { useFormErrors } from '../shared/form-errors';
import { useT } from '../shared/i18n';
import { sendChecked } from '../shared/send-checked';
import { filledFields } from '../shared/filled-fields';
import { TextField } from '../shared/TextField';
import type { TeamUser } from './use-team-users';

const EMPTY = { name: '', role: 'rep' as TeamUser['role'], channel: '', department: '' };

/** onAdded runs after the server created the person (POST /v1/users); errors stay at their fields. */
export function AddUserForm({ onAdded }: { onAdded: () => Promise<void> }) {
  const t = useT();
  const [draft, setDraft] = useState(EMPTY);
  const adding = useFormErrors('user', ['name', 'role', 'channel', 'department']);
  const text = (field: 'name' | 'channel' | 'department', placeholder?: string) => (
    <TextField form={adding} name={field} placeholder={placeholder} label={t(`users.${field}`)} value={draft[field]} onValue={(v) => setDraft({ ...draft, [field]: v })} />
  );

  async function submit() {
    const body = {
      name: draft.name,
      role: draft.role,
      ...filledFields(draft, ['channel', 'department']),
    };
    if (!(await sendChecked(adding, createUserBodySchema, 'POST', '/v1/users', body))) return;
    setDraft(EMPTY);
    await onAdded();
  }

  return (
    <>
      <CheckedForm form={adding} field="add-user" onSubmit={submit}>
        {text('name')}
        <label className="field">
          <span>{t('users.role')}</span>
          <select name="role" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as TeamUser['role'] })}>
            <ChoiceOptions values={ROLES} label={(r) => t(`role.${r}`)} />
          </select>
        </label>
        {text('channel', 'direct / telesales / partner:NAME')}
        {text('department')}
        <button type="submit" className="primary">
          {t('users.add')}
        </button>
      </CheckedForm>
      {adding.summary('users-error')}
    </>
  );
}
