// The team's engagement policy (managers): the engagement-rule thresholds,
// the stage → progress map per CRM, the intro clock (minutes; starts at
// acceptance or at the won stage), the team's texts in the intro draft and
// the retrospective's days after acceptance.
import { useEffect, useState } from 'react';
import { engagementPolicySchema, type EngagementPolicy } from '@/lib/engagement/policy';
import { CurrencySelect } from '../shared/CurrencySelect';
import { placeByPrefix, useFormErrors } from '../shared/form-errors';
import { useLocale, useT } from '../shared/i18n';
import { errorText, serverApi, type ServerAnswer } from '../shared/server-api';
import { engagementAnswerSchema } from '@/lib/sync/api-responses';

const LANGS = ['zh-CN', 'zh-TW', 'en'] as const;

/** "crm | stage label = 70" per line ⇄ the policy's map. */
const mapToText = (m: EngagementPolicy['stageProgress']) =>
  Object.entries(m)
    .flatMap(([crm, stages]) => Object.entries(stages).map(([label, pct]) => `${crm} | ${label} = ${pct}`))
    .join('\n');
function textToMap(text: string): { map: EngagementPolicy['stageProgress']; bad: string[] } {
  const map: EngagementPolicy['stageProgress'] = {};
  const bad: string[] = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const m = /^([^|]+)\|(.+)=\s*(\d{1,3})\s*%?$/.exec(line);
    if (!m) bad.push(line);
    else (map[m[1]!.trim()] ??= {})[m[2]!.trim()] = Number(m[3]);
  }
  return { map, bad };
}

const byPrefix = placeByPrefix(['rule.amount', 'rule.salesCycleDays', 'rule.implementationWeeks', 'rule.joinAtProgress', 'introMinutes', 'introClockStart', 'stageProgress', 'retrospectiveDays']);
/** API path → the input it is shown by */
function inputFor(path: string): string | null {
  if (path.startsWith('introTemplate.welcomeVideoUrl')) return 'welcomeVideoUrl';
  const steps = /^introTemplate\.nextSteps\.([\w-]+)/.exec(path);
  if (steps) return `nextSteps.${steps[1]}`;
  return byPrefix(path);
}

export function EngagementEditor() {
  const t = useT();
  const locale = useLocale();
  const [policy, setPolicy] = useState<EngagementPolicy | null>(null);
  const [stages, setStages] = useState('');
  const [steps, setSteps] = useState<Record<string, string>>({});
  const [loadFailure, setLoadFailure] = useState<ServerAnswer<unknown> | null>(null);
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors('engagement', inputFor);

  const adopt = (p: EngagementPolicy) => {
    setPolicy(p);
    setStages(mapToText(p.stageProgress));
    setSteps(Object.fromEntries(LANGS.map((l) => [l, (p.introTemplate.nextSteps[l] ?? []).join('\n')])));
  };
  useEffect(() => {
    void serverApi('GET', '/v1/team/engagement', undefined, engagementAnswerSchema).then((r) => (r.ok ? adopt(r.json.policy) : setLoadFailure(r)));
  }, []);
  if (!policy)
    return (
      <p className="muted" role="status">
        {loadFailure ? errorText(loadFailure, locale) : <span className="spinner" aria-hidden="true" />}
      </p>
    );

  const num = (v: string) => (v.trim() === '' ? NaN : Number(v));
  const field = (label: string, value: number, set: (n: number) => void, name: string) => (
    <label className="field">
      <span>{label}</span>
      <input name={name} inputMode="decimal" defaultValue={String(value)} onChange={(e) => set(num(e.target.value))} {...errors.aria(name)} />
      {errors.at(name)}
    </label>
  );
  const save = async () => {
    setSaved(false);
    const { map, bad } = textToMap(stages);
    if (bad.length) return errors.fromIssues(bad.map((line) => ({ path: 'stageProgress', code: 'stageLine', params: { line } })));
    const body = {
      ...policy,
      stageProgress: map,
      introTemplate: {
        ...policy.introTemplate,
        nextSteps: Object.fromEntries(LANGS.map((l) => [l, (steps[l] ?? '').split('\n').map((x) => x.trim()).filter(Boolean)]).filter(([, v]) => (v as string[]).length)),
      },
    };
    const local = engagementPolicySchema.safeParse(body);
    if (!local.success) return errors.fromZod(local.error, body);
    const r = await serverApi('PUT', '/v1/team/engagement', local.data, engagementAnswerSchema);
    if (!r.ok) return errors.fromAnswer(r, local.data);
    errors.clear();
    adopt(r.json.policy);
    setSaved(true);
  };
  const rule = (k: keyof EngagementPolicy['rule']) => (n: number) => setPolicy({ ...policy, rule: { ...policy.rule, [k]: n } });

  return (
    <section className="card" id="engagement" aria-labelledby="engagement-h" data-field="engagement-editor" ref={errors.ref}>
      <h2 id="engagement-h">{t('engagementEditor.heading')}</h2>
      <div className="grid policy">
        {field(t('engagementEditor.amount'), policy.rule.amount, rule('amount'), 'rule.amount')}
        {field(t('engagementEditor.cycle'), policy.rule.salesCycleDays, rule('salesCycleDays'), 'rule.salesCycleDays')}
        {field(t('engagementEditor.implementation'), policy.rule.implementationWeeks, rule('implementationWeeks'), 'rule.implementationWeeks')}
        {field(t('engagementEditor.join'), policy.rule.joinAtProgress, rule('joinAtProgress'), 'rule.joinAtProgress')}
        {field(t('engagementEditor.introMinutes'), policy.introMinutes, (n) => setPolicy({ ...policy, introMinutes: n }), 'introMinutes')}
        {field(t('engagementEditor.retrospectiveDays'), policy.retrospectiveDays, (n) => setPolicy({ ...policy, retrospectiveDays: n }), 'retrospectiveDays')}
      </div>
      <label className="field">
        <span>{t('engagementEditor.currency')}</span>
        <CurrencySelect
          name="currency"
          value={policy.currency ?? ''}
          onChange={(code) => setPolicy({ ...policy, currency: code || null })}
          emptyLabel={t('engagementEditor.noCurrency')}
          label={t('engagementEditor.currency')}
        />
        {errors.at('currency')}
      </label>
      <fieldset>
        <legend>{t('engagementEditor.clockStart')}</legend>
        {(['accepted', 'won'] as const).map((v) => (
          <label key={v} className="inline">
            <input type="radio" name="introClockStart" checked={policy.introClockStart === v} onChange={() => setPolicy({ ...policy, introClockStart: v })} {...errors.aria('introClockStart')} /> {t(`engagementEditor.start.${v}`)}
          </label>
        ))}
        {errors.at('introClockStart')}
      </fieldset>
      <label className="field">
        <span>{t('intro.video')}</span>
        <input name="welcomeVideoUrl" defaultValue={policy.introTemplate.welcomeVideoUrl ?? ''} onChange={(e) => setPolicy({ ...policy, introTemplate: { ...policy.introTemplate, welcomeVideoUrl: e.target.value.trim() || null } })} {...errors.aria('welcomeVideoUrl')} />
        {errors.at('welcomeVideoUrl')}
      </label>
      <div className="grid policy">
        {LANGS.map((l) => (
          <label key={l} className="field">
            <span>{t('engagementEditor.nextSteps', { lang: l })}</span>
            <textarea name={`nextSteps.${l}`} rows={4} value={steps[l] ?? ''} onChange={(e) => setSteps({ ...steps, [l]: e.target.value })} {...errors.aria(`nextSteps.${l}`)} />
            {errors.at(`nextSteps.${l}`)}
          </label>
        ))}
      </div>
      <label className="field">
        <span>{t('engagementEditor.stages')}</span>
        <textarea name="stageProgress" rows={4} value={stages} placeholder="salesforce | Contract Signed = 100" onChange={(e) => setStages(e.target.value)} {...errors.aria('stageProgress')} />
        {errors.at('stageProgress')}
      </label>
      {errors.summary('engagement-errors')}
      {saved && (
        <p className="okmsg" role="status" data-field="engagement-saved">
          {t('engagementEditor.saved')}
        </p>
      )}
      <button type="button" className="primary" data-field="engagement-save" onClick={() => void save()}>
        {t('engagementEditor.save')}
      </button>
    </section>
  );
}
