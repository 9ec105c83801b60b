// "Drafting model", for managers (read) and admins (change): the team's own
// OpenAI-compatible endpoint that drafts "why we won" and "expectations"
// (issue 19 item 4). The key is write-only: the page learns only whether one
// is set.
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { draftingBodySchema, draftingViewSchema, type DraftingView } from '@/lib/drafting/drafting-policy';
import { useFormErrors } from '../shared/form-errors';
import { useT } from '../shared/i18n';
import { sendChecked } from '../shared/send-checked';
import { serverApi } from '../shared/server-api';
import { TextField } from '../shared/TextField';
import { AdminSettingsForm } from './AdminSettingsForm';
import { useSyncStatus } from '../shared/use-sync-status';

const answerSchema = z.object({ policy: draftingViewSchema });
type Draft = { enabled: boolean; endpoint: string; model: string; apiKey: string; removeKey: boolean };

/** The PUT body: an empty key field keeps the stored key, unless "remove" is ticked. */
const toBody = (d: Draft) => ({
  enabled: d.enabled,
  endpoint: d.endpoint.trim(),
  model: d.model.trim(),
  ...(d.removeKey ? { apiKey: null } : d.apiKey.trim() ? { apiKey: d.apiKey.trim() } : {}),
});

export function DraftingCard() {
  const t = useT();
  const admin = useSyncStatus().user?.role === 'admin';
  const [view, setView] = useState<DraftingView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useFormErrors('drafting', (path) => path.split(/[.[]/)[0]!);
  const show = (v: DraftingView) => {
    setView(v);
    setDraft({ enabled: v.enabled, endpoint: v.endpoint, model: v.model, apiKey: '', removeKey: false });
  };
  useEffect(() => {
    void serverApi('GET', '/v1/team/drafting', undefined, answerSchema).then((r) => r.ok && show(r.json.policy));
  }, []);
  const set = (patch: Partial<Draft>) => draft && (setDraft({ ...draft, ...patch }), setSaved(false));
  return (
    <section className="card" aria-labelledby="drafting-h" data-field="drafting">
      <h2 id="drafting-h">{t('drafting.heading')}</h2>
      <p className="muted">{t('drafting.intro')}</p>
      {!admin && <p className="muted">{t('drafting.adminOnly')}</p>}
      {draft && view && (
        <AdminSettingsForm
          form={form}
          admin={admin}
          action="save-drafting"
          saveLabel={t('drafting.save')}
          errorsId="drafting-error"
          saved={saved ? t('drafting.saved') : null}
          onSubmit={async () => {
            const r = await sendChecked(form, draftingBodySchema, 'PUT', '/v1/team/drafting', toBody(draft));
            const parsed = r ? answerSchema.safeParse(r.json) : null;
            if (parsed?.success) show(parsed.data.policy);
            setSaved(!!parsed?.success);
          }}
        >
          <label className="field check">
            <input type="checkbox" name="enabled" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
            <span>{t('drafting.enabled')}</span>
          </label>
          <TextField form={form} name="endpoint" type="url" label={t('drafting.endpoint')} placeholder="https://llm.example.com/v1" value={draft.endpoint} onValue={(endpoint) => set({ endpoint })} />
          <TextField form={form} name="model" label={t('drafting.model')} placeholder="qwen2.5:7b-instruct" value={draft.model} onValue={(model) => set({ model })} />
          <TextField form={form} name="apiKey" type="password" autoComplete="off" label={t('drafting.apiKey')} value={draft.apiKey} onValue={(apiKey) => set({ apiKey })} />
          {view.hasKey && (
            <>
              <p className="muted small">{t('drafting.keySet')}</p>
              <label className="field check">
                <input type="checkbox" name="removeKey" checked={draft.removeKey} onChange={(e) => set({ removeKey: e.target.checked })} />
                <span>{t('drafting.removeKey')}</span>
              </label>
            </>
          )}
        </AdminSettingsForm>
      )}
    </section>
  );
}
