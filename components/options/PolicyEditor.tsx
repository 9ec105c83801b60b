// The team's claim policy as a form. Checked here with the same schema the
// server uses (errors by field, before sending), then saved as a new version
// in force from now; earlier claims keep the version they were made under.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { claimPolicySchema, LADDER_STAGES, POOL_CHANNELS, type ClaimPolicy } from '@/lib/claims/policy';
import { placeByPrefix, useFormErrors } from '../shared/form-errors';
import { useLocale, useT } from '../shared/i18n';
import { errorText, serverApi, type ServerAnswer } from '../shared/server-api';
import { policyAnswerSchema } from '@/lib/claims/api-responses';

type Form = Record<string, string | boolean>;

const list = (s: string) =>
  s
    .split(/[,，、]/)
    .map((x) => x.trim())
    .filter(Boolean);
const num = (s: string) => (s.trim() === '' ? NaN : Number(s));
const optNum = (s: string) => (s.trim() === '' ? null : Number(s));

function toForm(p: ClaimPolicy): Form {
  const f: Form = {
    mode: p.mode,
    flatDays: String(p.flatDays),
    'ladder.initialDays': String(p.ladder.initialDays),
    extensionDays: String(p.extensionDays),
    capDays: p.capDays === null ? '' : String(p.capDays),
    warnDays: String(p.warnDays),
    notifyDays: p.notifyDays.join(', '),
    'pool.departments': p.pool.departments.join(', '),
    'pool.reclaimCooldownDays': String(p.pool.reclaimCooldownDays),
    'pool.maxLiveClaims': p.pool.maxLiveClaims === null ? '' : String(p.pool.maxLiveClaims),
    rotateAfterPeriods: p.rotateAfterPeriods === null ? '' : String(p.rotateAfterPeriods),
    rotationDepartments: p.rotationDepartments.join(', '),
    'creditSplit.firstTouch': String(p.creditSplit.firstTouch),
    'creditSplit.process': String(p.creditSplit.process),
    'creditSplit.signing': String(p.creditSplit.signing),
    'keys.defaultRegion': p.keys.defaultRegion ?? '',
    'keys.freeMailDomains': p.keys.freeMailDomains.join('\n'),
    'antiHoarding.newClaimsPerDay': p.antiHoarding.newClaimsPerDay === null ? '' : String(p.antiHoarding.newClaimsPerDay),
    'antiHoarding.maxLiveClaims': p.antiHoarding.maxLiveClaims === null ? '' : String(p.antiHoarding.maxLiveClaims),
    'antiHoarding.reclaimCooldownDays': String(p.antiHoarding.reclaimCooldownDays),
    'reminders.escalateToManager': p.reminders.escalateToManager,
    'reminders.managerDigest': p.reminders.managerDigest,
  };
  for (const s of LADDER_STAGES) f[`stage.${s}`] = String(p.ladder.stages.find((x) => x.stage === s)?.days ?? '');
  for (const c of POOL_CHANNELS) f[`channel.${c}`] = p.pool.channels.includes(c);
  return f;
}

/** Inputs are named by API path; a problem with a path inside one (notifyDays[1]) is shown by it. */
const byPrefix = placeByPrefix(['flatDays', 'ladder.initialDays', 'extensionDays', 'capDays', 'warnDays', 'notifyDays', 'pool.channels', 'pool.departments', 'pool.reclaimCooldownDays', 'pool.maxLiveClaims', 'rotateAfterPeriods', 'rotationDepartments', 'creditSplit.firstTouch', 'creditSplit.process', 'creditSplit.signing', 'creditSplit', 'keys.defaultRegion', 'keys.freeMailDomains', 'antiHoarding.newClaimsPerDay', 'antiHoarding.maxLiveClaims', 'antiHoarding.reclaimCooldownDays']);

/** The request body: what the server will version and stamp. */
function fromForm(f: Form): Record<string, unknown> {
  const s = (k: string) => String(f[k] ?? '');
  return {
    mode: s('mode'),
    flatDays: num(s('flatDays')),
    ladder: {
      initialDays: num(s('ladder.initialDays')),
      stages: LADDER_STAGES.filter((st) => s(`stage.${st}`).trim() !== '').map((st) => ({ stage: st, days: num(s(`stage.${st}`)) })),
    },
    extensionDays: num(s('extensionDays')),
    capDays: optNum(s('capDays')),
    warnDays: num(s('warnDays')),
    notifyDays: list(s('notifyDays')).map(Number),
    pool: {
      channels: POOL_CHANNELS.filter((c) => f[`channel.${c}`] === true),
      departments: list(s('pool.departments')),
      reclaimCooldownDays: num(s('pool.reclaimCooldownDays')),
      maxLiveClaims: optNum(s('pool.maxLiveClaims')),
    },
    rotateAfterPeriods: optNum(s('rotateAfterPeriods')),
    rotationDepartments: list(s('rotationDepartments')),
    creditSplit: { firstTouch: num(s('creditSplit.firstTouch')), process: num(s('creditSplit.process')), signing: num(s('creditSplit.signing')) },
    keys: { defaultRegion: s('keys.defaultRegion').trim() === '' ? null : s('keys.defaultRegion').trim(), freeMailDomains: s('keys.freeMailDomains').split(/[\s,，、]+/).filter(Boolean) },
    antiHoarding: { newClaimsPerDay: optNum(s('antiHoarding.newClaimsPerDay')), maxLiveClaims: optNum(s('antiHoarding.maxLiveClaims')), reclaimCooldownDays: num(s('antiHoarding.reclaimCooldownDays')) },
    reminders: { escalateToManager: f['reminders.escalateToManager'] === true, managerDigest: f['reminders.managerDigest'] === true },
  };
}

export function PolicyEditor() {
  const t = useT();
  const locale = useLocale();
  const [policy, setPolicy] = useState<ClaimPolicy | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [loadFailure, setLoadFailure] = useState<ServerAnswer<unknown> | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const sent = useRef<Record<string, unknown>>({});
  const errors = useFormErrors('claimPolicy', (path) => {
    const stage = /^ladder\.stages\[(\d+)\]/.exec(path);
    if (stage) {
      const name = (sent.current.ladder as { stages?: { stage?: string }[] } | undefined)?.stages?.[Number(stage[1])]?.stage;
      return name ? `stage.${name}` : null;
    }
    return byPrefix(path);
  });

  useEffect(() => {
    void serverApi('GET', '/v1/claims/policy', undefined, policyAnswerSchema).then((r) => {
      if (r.ok) {
        setPolicy(r.json.policy);
        setForm(toForm(r.json.policy));
      } else setLoadFailure(r);
    });
  }, []);

  if (!form)
    return (
      <p className="muted" role="status">
        {loadFailure ? errorText(loadFailure, locale) : (
          <>
            <span className="spinner" aria-hidden="true" /> {t('loading')}
          </>
        )}
      </p>
    );

  const set = (k: string, v: string | boolean) => setForm({ ...form, [k]: v });
  const text = (k: string, label: ReactNode, inputMode: 'numeric' | 'text' = 'numeric', group?: string) => (
    <label className="field">
      <span>{label}</span>
      <input name={k} value={String(form[k] ?? '')} inputMode={inputMode} onChange={(e) => set(k, e.target.value)} {...errors.aria(k, group)} />
      {errors.at(k)}
    </label>
  );

  const save = async () => {
    setSaved(null);
    const body = fromForm(form);
    sent.current = body;
    const local = claimPolicySchema.safeParse({ ...body, version: 1, effectiveAt: new Date().toISOString() });
    if (!local.success) return errors.fromZod(local.error, body);
    setBusy(true);
    const r = await serverApi('PUT', '/v1/claims/policy', body, policyAnswerSchema);
    setBusy(false);
    if (!r.ok) return errors.fromAnswer(r, body);
    errors.clear();
    setPolicy(r.json.policy);
    setForm(toForm(r.json.policy));
    setSaved(r.json.policy.version);
  };

  return (
    <form
      className="policy"
      data-field="policy-editor"
      ref={errors.ref}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t('policy.heading')}</h3>
      {policy && <p className="muted">{t('policy.current', { version: policy.version, time: new Date(policy.effectiveAt).toLocaleString(locale) })}</p>}
      <fieldset>
        <legend>{t('policy.mode')}</legend>
        {(['flat', 'ladder'] as const).map((m) => (
          <label key={m} className="inline">
            <input type="radio" name="mode" checked={form.mode === m} onChange={() => set('mode', m)} /> {t(`policy.mode.${m}`)}
          </label>
        ))}
      </fieldset>
      <div className="grid">
        {form.mode === 'flat' ? text('flatDays', t('policy.flatDays')) : text('ladder.initialDays', t('policy.initialDays'))}
        {form.mode === 'ladder' && LADDER_STAGES.map((s) => <span key={s}>{text(`stage.${s}`, t('policy.stageDays', { stage: t(`claim.stage.${s}`) }))}</span>)}
        {text('extensionDays', t('policy.extensionDays'))}
        {text('capDays', t('policy.capDays'))}
        {text('warnDays', t('policy.warnDays'))}
        {text('notifyDays', t('policy.notifyDays'), 'text')}
      </div>
      <PoolFields form={form} set={set} text={text} errors={errors} />
      <ClaimRulesFields form={form} set={set} text={text} />
      <fieldset>
        <legend>{t('policy.split')}</legend>
        <div className="grid">
          {text('creditSplit.firstTouch', t('conflicts.firstTouch'), 'numeric', 'creditSplit')}
          {text('creditSplit.process', t('conflicts.process'), 'numeric', 'creditSplit')}
          {text('creditSplit.signing', t('conflicts.signing'), 'numeric', 'creditSplit')}
        </div>
        {errors.at('creditSplit')}
      </fieldset>
      {errors.summary('policy-errors')}
      {saved !== null && (
        <p className="okmsg" role="status" data-field="policy-saved" data-value={saved}>
          {t('policy.saved', { version: saved })}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy && <span className="spinner" aria-hidden="true" />} {t('policy.save')}
      </button>
    </form>
  );
}

/** Who may claim from the public pool (公海), and how it rotates between departments. Inputs are named by API path. */
function PoolFields({ form, set, text, errors }: { form: Form; set: (k: string, v: string | boolean) => void; text: (k: string, label: ReactNode, inputMode?: 'numeric' | 'text') => ReactNode; errors: ReturnType<typeof useFormErrors> }) {
  const t = useT();
  return (
    <>
      <fieldset>
        <legend>{t('policy.poolChannels')}</legend>
        {POOL_CHANNELS.map((c) => (
          <label key={c} className="inline">
            <input type="checkbox" name={`channel.${c}`} checked={form[`channel.${c}`] === true} onChange={(e) => set(`channel.${c}`, e.target.checked)} {...errors.aria('pool.channels')} /> {t(`policy.channel.${c}`)}
          </label>
        ))}
        {errors.at('pool.channels')}
      </fieldset>
      <div className="grid">
        {text('pool.departments', t('policy.poolDepartments'), 'text')}
        {text('pool.reclaimCooldownDays', t('policy.cooldown'))}
        {text('pool.maxLiveClaims', t('policy.maxLive'))}
        {text('rotateAfterPeriods', t('policy.rotateAfter'))}
        {text('rotationDepartments', t('policy.rotationDepartments'), 'text')}
      </div>
    </>
  );
}

/** How keys are read (phone region, own free-mail domains), anti-hoarding and reminders. Inputs are named by API path. */
function ClaimRulesFields({ form, set, text }: { form: Form; set: (k: string, v: string | boolean) => void; text: (k: string, label: ReactNode, inputMode?: 'numeric' | 'text') => ReactNode }) {
  const t = useT();
  return (
    <>
      <div className="grid" data-field="policy-keys">
        {text('keys.defaultRegion', t('policy.region'), 'text')}
        <label className="field">
          <span>{t('policy.freeMail')}</span>
          <textarea name="keys.freeMailDomains" rows={3} value={String(form['keys.freeMailDomains'] ?? '')} onChange={(e) => set('keys.freeMailDomains', e.target.value)} />
        </label>
      </div>
      <div className="grid" data-field="policy-anti-hoarding">
        {text('antiHoarding.newClaimsPerDay', t('policy.newPerDay'))}
        {text('antiHoarding.maxLiveClaims', t('policy.liveCap'))}
        {text('antiHoarding.reclaimCooldownDays', t('policy.reclaimCooldown'))}
      </div>
      <fieldset>
        {(['reminders.escalateToManager', 'reminders.managerDigest'] as const).map((k) => (
          <label key={k} className="inline">
            <input type="checkbox" name={k} checked={form[k] === true} onChange={(e) => set(k, e.target.checked)} /> {t(k === 'reminders.escalateToManager' ? 'policy.escalate' : 'policy.digest')}
          </label>
        ))}
      </fieldset>
    </>
  );
}
