// The team's claim policy as a form. Checked here with the same schema the
// server uses (errors by field, before sending), then saved as a new version
// in force from now; earlier claims keep the version they were made under.
import { useEffect, useState, type ReactNode } from 'react';
import { claimPolicySchema, LADDER_STAGES, POOL_CHANNELS, type ClaimPolicy } from '@/lib/claims/policy';
import { useLocale, useT } from '../shared/i18n';
import { serverApi } from '../shared/server-api';

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
    initialDays: String(p.ladder.initialDays),
    extensionDays: String(p.extensionDays),
    capDays: p.capDays === null ? '' : String(p.capDays),
    warnDays: String(p.warnDays),
    notifyDays: p.notifyDays.join(', '),
    departments: p.pool.departments.join(', '),
    cooldown: String(p.pool.reclaimCooldownDays),
    maxLive: p.pool.maxLiveClaims === null ? '' : String(p.pool.maxLiveClaims),
    rotateAfter: p.rotateAfterPeriods === null ? '' : String(p.rotateAfterPeriods),
    rotation: p.rotationDepartments.join(', '),
    firstTouch: String(p.creditSplit.firstTouch),
    process: String(p.creditSplit.process),
    signing: String(p.creditSplit.signing),
  };
  for (const s of LADDER_STAGES) f[`stage.${s}`] = String(p.ladder.stages.find((x) => x.stage === s)?.days ?? '');
  for (const c of POOL_CHANNELS) f[`channel.${c}`] = p.pool.channels.includes(c);
  return f;
}

/** The request body: what the server will version and stamp. */
function fromForm(f: Form): Record<string, unknown> {
  const s = (k: string) => String(f[k] ?? '');
  return {
    mode: s('mode'),
    flatDays: num(s('flatDays')),
    ladder: {
      initialDays: num(s('initialDays')),
      stages: LADDER_STAGES.filter((st) => s(`stage.${st}`).trim() !== '').map((st) => ({ stage: st, days: num(s(`stage.${st}`)) })),
    },
    extensionDays: num(s('extensionDays')),
    capDays: optNum(s('capDays')),
    warnDays: num(s('warnDays')),
    notifyDays: list(s('notifyDays')).map(Number),
    pool: {
      channels: POOL_CHANNELS.filter((c) => f[`channel.${c}`] === true),
      departments: list(s('departments')),
      reclaimCooldownDays: num(s('cooldown')),
      maxLiveClaims: optNum(s('maxLive')),
    },
    rotateAfterPeriods: optNum(s('rotateAfter')),
    rotationDepartments: list(s('rotation')),
    creditSplit: { firstTouch: num(s('firstTouch')), process: num(s('process')), signing: num(s('signing')) },
  };
}

export function PolicyEditor() {
  const t = useT();
  const locale = useLocale();
  const [policy, setPolicy] = useState<ClaimPolicy | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void serverApi<{ policy: ClaimPolicy }>('GET', '/v1/claims/policy').then((r) => {
      if (r.ok) {
        setPolicy(r.json.policy);
        setForm(toForm(r.json.policy));
      } else setErrors([r.error?.message ?? String(r.status)]);
    });
  }, []);

  if (!form)
    return (
      <p className="muted" role="status">
        {errors[0] ?? (
          <>
            <span className="spinner" aria-hidden="true" /> {t('loading')}
          </>
        )}
      </p>
    );

  const set = (k: string, v: string | boolean) => setForm({ ...form, [k]: v });
  const text = (k: string, label: ReactNode, inputMode: 'numeric' | 'text' = 'numeric') => (
    <label className="field">
      <span>{label}</span>
      <input name={k} value={String(form[k] ?? '')} inputMode={inputMode} onChange={(e) => set(k, e.target.value)} />
    </label>
  );

  const save = async () => {
    setSaved(null);
    const body = fromForm(form);
    const local = claimPolicySchema.safeParse({ ...body, version: 1, effectiveAt: new Date().toISOString() });
    if (!local.success) return setErrors(local.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
    setBusy(true);
    const r = await serverApi<{ policy: ClaimPolicy }>('PUT', '/v1/claims/policy', body);
    setBusy(false);
    if (!r.ok) return setErrors([r.error?.path ? `${r.error.path}: ${r.error.message}` : (r.error?.message ?? String(r.status))]);
    setErrors([]);
    setPolicy(r.json.policy);
    setForm(toForm(r.json.policy));
    setSaved(r.json.policy.version);
  };

  return (
    <form
      className="policy"
      data-field="policy-editor"
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
        {form.mode === 'flat' ? text('flatDays', t('policy.flatDays')) : text('initialDays', t('policy.initialDays'))}
        {form.mode === 'ladder' && LADDER_STAGES.map((s) => <span key={s}>{text(`stage.${s}`, t('policy.stageDays', { stage: t(`claim.stage.${s}`) }))}</span>)}
        {text('extensionDays', t('policy.extensionDays'))}
        {text('capDays', t('policy.capDays'))}
        {text('warnDays', t('policy.warnDays'))}
        {text('notifyDays', t('policy.notifyDays'), 'text')}
      </div>
      <fieldset>
        <legend>{t('policy.poolChannels')}</legend>
        {POOL_CHANNELS.map((c) => (
          <label key={c} className="inline">
            <input type="checkbox" name={`channel.${c}`} checked={form[`channel.${c}`] === true} onChange={(e) => set(`channel.${c}`, e.target.checked)} /> {t(`policy.channel.${c}`)}
          </label>
        ))}
      </fieldset>
      <div className="grid">
        {text('departments', t('policy.poolDepartments'), 'text')}
        {text('cooldown', t('policy.cooldown'))}
        {text('maxLive', t('policy.maxLive'))}
        {text('rotateAfter', t('policy.rotateAfter'))}
        {text('rotation', t('policy.rotationDepartments'), 'text')}
      </div>
      <fieldset>
        <legend>{t('policy.split')}</legend>
        <div className="grid">
          {text('firstTouch', t('conflicts.firstTouch'))}
          {text('process', t('conflicts.process'))}
          {text('signing', t('conflicts.signing'))}
        </div>
      </fieldset>
      {errors.length > 0 && (
        <ul className="errors" role="alert" data-field="policy-errors">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
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
