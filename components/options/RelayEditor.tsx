// "Relay" (issue 16 item 1): the team's handoff stages — sales → CS, or sales →
// implementation → CS — each later stage with who accepts it and its SLA in
// hours, and implementation's checklist (required, weights, threshold). Managers
// read it, admins change it (it decides who sees which customers).
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { DEFAULT_IMPLEMENTATION_TEMPLATE, relayPolicySchema, THREE_STAGE_RELAY_POLICY, type ImplementationTemplate, type RelayPolicy } from '@/lib/relay/relay-policy';
import { useFormErrors } from '../shared/form-errors';
import { useT } from '../shared/i18n';
import { sendChecked } from '../shared/send-checked';
import { serverApi } from '../shared/server-api';
import { useSyncStatus } from '../shared/use-sync-status';
import { AdminSettingsForm } from './AdminSettingsForm';

const answerSchema = z.object({ policy: relayPolicySchema });
type StageDraft = { role: string; sla: string };
type Draft = { withImplementation: boolean; implementation: StageDraft; cs: StageDraft; template: ImplementationTemplate };

const slaText = (h: number | null) => (h === null ? '' : String(h));
/** An empty SLA field is "no time limit"; anything else is sent as typed (a number, or text the schema refuses at its field). */
const slaValue = (s: string): unknown => (s.trim() === '' ? null : Number.isFinite(Number(s)) ? Number(s) : s);

function draftOf(p: RelayPolicy): Draft {
  const impl = p.stages.find((s) => s.id === 'implementation') ?? THREE_STAGE_RELAY_POLICY.stages[1]!;
  const cs = p.stages.find((s) => s.id === 'cs')!;
  return {
    withImplementation: p.stages.length === 3,
    implementation: { role: impl.receivingRole, sla: slaText('acceptWithinHours' in impl ? impl.acceptWithinHours : null) },
    cs: { role: cs.receivingRole, sla: slaText('acceptWithinHours' in cs ? cs.acceptWithinHours : null) },
    template: 'template' in impl ? impl.template : DEFAULT_IMPLEMENTATION_TEMPLATE,
  };
}

function bodyOf(d: Draft) {
  const cs = { id: 'cs', receivingRole: d.cs.role, acceptWithinHours: slaValue(d.cs.sla) };
  const impl = { id: 'implementation', receivingRole: d.implementation.role, acceptWithinHours: slaValue(d.implementation.sla), template: d.template };
  return { stages: d.withImplementation ? [{ id: 'sales' }, impl, cs] : [{ id: 'sales' }, cs] };
}

/** One later stage's receiving role and SLA. `index` is its place in the body (field names are the body's paths). */
function StageFields({ id, index, value, roles, onChange, form }: { id: 'implementation' | 'cs'; index: number; value: StageDraft; roles: string[]; onChange: (v: StageDraft) => void; form: ReturnType<typeof useFormErrors> }) {
  const t = useT();
  const role = `stages[${index}].receivingRole`;
  const sla = `stages[${index}].acceptWithinHours`;
  return (
    <fieldset className="relay-stage" data-stage={id}>
      <legend>{t(`relay.stage.${id}`)}</legend>
      <label className="field">
        <span>{t('relayEditor.receivingRole')}</span>
        <select name={role} value={value.role} onChange={(e) => onChange({ ...value, role: e.target.value })} {...form.aria(role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}` as 'role.csm')}
            </option>
          ))}
        </select>
        {form.at(role)}
      </label>
      <label className="field">
        <span>{t('relayEditor.slaHours')}</span>
        <input name={sla} inputMode="numeric" placeholder={t('relayEditor.noSla')} value={value.sla} onChange={(e) => onChange({ ...value, sla: e.target.value })} {...form.aria(sla)} />
        {form.at(sla)}
      </label>
    </fieldset>
  );
}

/** Implementation's checklist: each onboarding step required or not, its weight; the threshold. */
function TemplateFields({ template, onChange, form }: { template: ImplementationTemplate; onChange: (t: ImplementationTemplate) => void; form: ReturnType<typeof useFormErrors> }) {
  const t = useT();
  const set = (i: number, patch: Partial<ImplementationTemplate['items'][number]>) => onChange({ ...template, items: template.items.map((it, j) => (j === i ? { ...it, ...patch } : it)) });
  const threshold = 'stages[1].template.threshold';
  return (
    <fieldset className="relay-template">
      <legend>{t('relayEditor.template')}</legend>
      {template.items.map((it, i) => (
        <div className="row" key={it.id} data-rule={it.id}>
          <span>{t(`relay.rule.${it.id}`)}</span>
          <label className="check">
            <input type="checkbox" checked={it.required} onChange={(e) => set(i, { required: e.target.checked })} /> {t('relayEditor.required')}
          </label>
          <label>
            {t('relayEditor.weight')} <input type="number" min={1} className="weight" value={it.weight} onChange={(e) => set(i, { weight: Number(e.target.value) })} />
          </label>
        </div>
      ))}
      <label className="field">
        <span>{t('relayEditor.threshold')}</span>
        <input name={threshold} type="number" min={0} max={100} value={template.threshold} onChange={(e) => onChange({ ...template, threshold: Number(e.target.value) })} {...form.aria(threshold)} />
        {form.at(threshold)}
      </label>
    </fieldset>
  );
}

export function RelayEditor() {
  const t = useT();
  const admin = useSyncStatus().user?.role === 'admin';
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useFormErrors('relay', (path) => path);
  useEffect(() => {
    void serverApi('GET', '/v1/team/relay', undefined, answerSchema).then((r) => r.ok && setDraft(draftOf(r.json.policy)));
  }, []);
  const set = (patch: Partial<Draft>) => draft && (setDraft({ ...draft, ...patch }), setSaved(false));
  return (
    <section className="card" aria-labelledby="relay-h" data-field="relay-editor">
      <h2 id="relay-h">{t('relayEditor.heading')}</h2>
      <p className="muted">{t('relayEditor.intro')}</p>
      {!admin && <p className="muted">{t('relayEditor.adminsOnly')}</p>}
      {draft && (
        <AdminSettingsForm
          form={form}
          admin={admin}
          action="save-relay"
          saveLabel={t('relayEditor.save')}
          errorsId="relay-error"
          saved={saved ? t('relayEditor.saved') : null}
          onSubmit={async () => {
            const r = await sendChecked(form, relayPolicySchema, 'PUT', '/v1/team/relay', bodyOf(draft));
            const parsed = r ? answerSchema.safeParse(r.json) : null;
            if (parsed?.success) setDraft(draftOf(parsed.data.policy));
            setSaved(!!parsed?.success);
          }}
        >
          <label className="field check">
            <input type="checkbox" name="withImplementation" data-field="relay.withImplementation" checked={draft.withImplementation} onChange={(e) => set({ withImplementation: e.target.checked })} />
            <span>{t('relayEditor.withImplementation')}</span>
          </label>
          <ol className="relay-route" aria-label={t('relay.where')}>
            {(draft.withImplementation ? IMPLEMENTATION_ROUTE : SALES_CS_ROUTE).map((s) => (
              <li key={s}>{t(`relay.stage.${s}`)}</li>
            ))}
          </ol>
          {draft.withImplementation && (
            <>
              <StageFields id="implementation" index={1} value={draft.implementation} roles={['implementation', 'manager']} onChange={(implementation) => set({ implementation })} form={form} />
              <TemplateFields template={draft.template} onChange={(template) => set({ template })} form={form} />
            </>
          )}
          <StageFields id="cs" index={draft.withImplementation ? 2 : 1} value={draft.cs} roles={['csm', 'manager']} onChange={(cs) => set({ cs })} form={form} />
        </AdminSettingsForm>
      )}
    </section>
  );
}

const SALES_CS_ROUTE = ['sales', 'cs'] as const;
const IMPLEMENTATION_ROUTE = ['sales', 'implementation', 'cs'] as const;
