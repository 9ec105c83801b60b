// Inviting a person by email address (admins any role, managers reps and
// CSMs): the server adds them with a one-time sign-in code, shown here once
// for the inviter to pass on — Baton sends no email (docs/it-admin.md).
import { useState } from 'react';
import { inviteBodySchema, signInCodeAnswerSchema } from '@/lib/auth/api-schemas';
import { ROLES } from '@/lib/packet/edit-rights';
import { ChoiceOptions } from '../shared/ChoiceOptions';
import { CheckedForm } from '../shared/CheckedForm';
import { useFormErrors } from '../shared/form-errors';
import { useLocale, useT } from '../shared/i18n';
import { sendChecked } from '../shared/send-checked';
import { TextField } from '../shared/TextField';

type Invited = ReturnType<typeof signInCodeAnswerSchema.parse>;

export function InviteForm({ roles }: { roles: readonly (typeof ROLES)[number][] }) {
  const t = useT();
  const locale = useLocale();
  const [draft, setDraft] = useState({ email: '', name: '', role: roles[0]! });
  const [invited, setInvited] = useState<Invited | null>(null);
  const form = useFormErrors('invite', ['email', 'name', 'role']);
  return (
    <CheckedForm
      form={form}
      field="invite"
      onSubmit={async () => {
        setInvited(null);
        const r = await sendChecked(form, inviteBodySchema, 'POST', '/v1/invites', draft);
        const answer = r && signInCodeAnswerSchema.safeParse(r.json);
        if (!answer?.success) return;
        setInvited(answer.data);
        setDraft({ email: '', name: '', role: roles[0]! });
      }}
    >
      <TextField form={form} name="email" type="email" label={t('invite.email')} value={draft.email} onValue={(email) => setDraft({ ...draft, email })} />
      <TextField form={form} name="name" label={t('invite.name')} value={draft.name} onValue={(name) => setDraft({ ...draft, name })} />
      <label className="field">
        <span>{t('invite.role')}</span>
        <select name="role" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as (typeof ROLES)[number] })}>
          <ChoiceOptions values={roles} label={(r) => t(`role.${r}`)} />
        </select>
      </label>
      <button type="submit" className="primary" data-action="invite">
        {t('invite.submit')}
      </button>
      {form.summary('invite-error')}
      {invited && (
        <p role="status" data-field="invite-code" data-value={invited.code}>
          {t('invite.code', { name: invited.user.name, email: invited.user.email, code: invited.code, until: new Date(invited.expiresAt).toLocaleString(locale) })}
        </p>
      )}
    </CheckedForm>
  );
}
