// "How people sign in", for managers and admins: the team number people type
// (or IT presets), the redirect URI to register at the identity provider, the
// team's policy (admins change it: provider, who may sign in, default role),
// and invites with one-time codes.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { JIT_ROLES, signInPolicySchema, type SignInPolicy } from '@/lib/auth/sign-in-policy';
import { ROLES } from '@/lib/packet/edit-rights';
import { ChoiceOptions } from '../shared/ChoiceOptions';
import { useFormErrors } from '../shared/form-errors';
import { useT } from '../shared/i18n';
import { sendChecked } from '../shared/send-checked';
import { TextField } from '../shared/TextField';
import { serverApi } from '../shared/server-api';
import { useSyncStatus } from '../shared/use-sync-status';
import { AdminSettingsForm } from './AdminSettingsForm';
import { InviteForm } from './InviteForm';

const answerSchema = z.object({ team: z.number(), policy: signInPolicySchema });
type Draft = { issuer: string; clientId: string; access: SignInPolicy['access']; domains: string; defaultRole: SignInPolicy['defaultRole'] };

const toDraft = (p: SignInPolicy): Draft => ({ issuer: p.provider?.issuer ?? '', clientId: p.provider?.clientId ?? '', access: p.access, domains: p.domains.join(', '), defaultRole: p.defaultRole });
const toBody = (d: Draft) => ({
  provider: d.issuer.trim() || d.clientId.trim() ? { issuer: d.issuer.trim(), clientId: d.clientId.trim() } : null,
  access: d.access,
  domains: d.domains.split(/[,，\s]+/).filter(Boolean),
  defaultRole: d.defaultRole,
});

export function SignInPolicyCard() {
  const t = useT();
  const admin = useSyncStatus().user?.role === 'admin';
  const [team, setTeam] = useState<number | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useFormErrors('signInPolicy', (path) => (path.startsWith('provider.issuer') ? 'issuer' : path.startsWith('provider.clientId') ? 'clientId' : path.split(/[.[]/)[0]!));
  useEffect(() => {
    void serverApi('GET', '/v1/team/sign-in', undefined, answerSchema).then((r) => {
      if (!r.ok) return;
      setTeam(r.json.team);
      setDraft(toDraft(r.json.policy));
    });
  }, []);
  const set = (patch: Partial<Draft>) => draft && (setDraft({ ...draft, ...patch }), setSaved(false));
  return (
    <section className="card" aria-labelledby="signin-policy-h" data-field="sign-in-policy">
      <h2 id="signin-policy-h">{t('signInPolicy.heading')}</h2>
      {team !== null && <p data-field="team-number">{t('signInPolicy.teamNumber', { team })}</p>}
      <p className="muted">{t('signInPolicy.redirect', { uri: browser.identity.getRedirectURL() })}</p>
      {draft && (
        <AdminSettingsForm
          form={form}
          admin={admin}
          action="save-sign-in"
          saveLabel={t('signInPolicy.save')}
          errorsId="sign-in-policy-error"
          saved={saved ? t('signInPolicy.saved') : null}
          onSubmit={async () => {
            const r = await sendChecked(form, signInPolicySchema, 'PUT', '/v1/team/sign-in', toBody(draft));
            setSaved(r !== null);
          }}
        >
          <TextField form={form} name="issuer" type="url" label={t('signInPolicy.issuer')} value={draft.issuer} onValue={(issuer) => set({ issuer })} />
          <TextField form={form} name="clientId" label={t('signInPolicy.clientId')} value={draft.clientId} onValue={(clientId) => set({ clientId })} />
          {!draft.issuer && <p className="muted">{t('signInPolicy.noProvider')}</p>}
          <label className="field">
            <span>{t('signInPolicy.access')}</span>
            <select name="access" value={draft.access} onChange={(e) => set({ access: e.target.value as Draft['access'] })}>
              <ChoiceOptions values={['invited', 'domains'] as const} label={(a) => t(`signInPolicy.access.${a}`)} />
            </select>
          </label>
          {draft.access === 'domains' && (
            <>
              <TextField form={form} name="domains" label={t('signInPolicy.domains')} value={draft.domains} onValue={(domains) => set({ domains })} />
              <label className="field">
                <span>{t('signInPolicy.defaultRole')}</span>
                <select name="defaultRole" value={draft.defaultRole} onChange={(e) => set({ defaultRole: e.target.value as Draft['defaultRole'] })}>
                  <ChoiceOptions values={JIT_ROLES} label={(r) => t(`role.${r}`)} />
                </select>
              </label>
            </>
          )}
        </AdminSettingsForm>
      )}
      <h3>{t('invite.heading')}</h3>
      <p className="muted">{t('invite.intro')}</p>
      <InviteForm roles={admin ? ROLES : (['rep', 'csm'] as const)} />
    </section>
  );
}
