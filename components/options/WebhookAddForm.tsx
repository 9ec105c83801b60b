// Adding a team chat robot: the tool, its webhook address, and — for the
// tools that have them — the signing secret (write-only) and the keyword.
// Checked with the server's schema first, errors by field.
import { useState } from 'react';
import { SIGNING_KINDS, WEBHOOK_KINDS, webhookBodySchema, type WebhookKind } from '@/lib/webhooks/config-schema';
import { CheckedForm } from '../shared/CheckedForm';
import { useFormErrors } from '../shared/form-errors';
import { useT } from '../shared/i18n';
import { sendChecked } from '../shared/send-checked';
import { filledFields } from '../shared/filled-fields';
import { TextField } from '../shared/TextField';

const EMPTY = { kind: 'dingtalk' as WebhookKind, url: '', name: '', secret: '', keyword: '' };

export function WebhookAddForm({ onAdded }: { onAdded: () => Promise<void> }) {
  const t = useT();
  const [draft, setDraft] = useState(EMPTY);
  const form = useFormErrors('webhook', ['kind', 'url', 'name', 'secret', 'keyword']);
  const signs = SIGNING_KINDS.includes(draft.kind);
  const set = (patch: Partial<typeof EMPTY>) => setDraft({ ...draft, ...patch });
  async function submit() {
    const body = {
      kind: draft.kind,
      url: draft.url.trim(),
      ...filledFields(draft, signs ? ['name', 'secret', 'keyword'] : ['name']),
    };
    if (!(await sendChecked(form, webhookBodySchema, 'POST', '/v1/webhooks', body))) return;
    setDraft(EMPTY);
    await onAdded();
  }

  return (
    <CheckedForm form={form} field="add-webhook" onSubmit={submit}>
      <label className="field">
        <span>{t('webhooks.kind')}</span>
        <select name="kind" value={draft.kind} onChange={(e) => set({ kind: e.target.value as WebhookKind })}>
          {WEBHOOK_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`webhooks.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <TextField form={form} name="url" type="url" label={t('webhooks.url')} value={draft.url} onValue={(url) => set({ url })} />
      <TextField form={form} name="name" label={t('webhooks.name')} value={draft.name} onValue={(name) => set({ name })} />
      {signs && (
        <>
          <label className="field">
            <span>{t('webhooks.secret')}</span>
            <input name="secret" type="password" autoComplete="off" value={draft.secret} onChange={(e) => set({ secret: e.target.value })} {...form.aria('secret')} />
            <span className="muted hint">{t('webhooks.secretHint')}</span>
            {form.at('secret')}
          </label>
          <label className="field">
            <span>{t('webhooks.keyword')}</span>
            <input name="keyword" value={draft.keyword} onChange={(e) => set({ keyword: e.target.value })} {...form.aria('keyword')} />
            <span className="muted hint">{t('webhooks.keywordHint')}</span>
            {form.at('keyword')}
          </label>
        </>
      )}
      <button type="submit" className="primary">
        {t('webhooks.add')}
      </button>
      {form.summary('webhook-add-error')}
    </CheckedForm>
  );
}
