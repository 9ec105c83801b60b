// The short review of one handoff (lib/engagement/retrospective.ts): per
// section right / wrong / missing with an optional note, then the profile fit.
// Dense and keyboard-first: radios move with the arrow keys, and 1, 2, 3 pick
// a verdict in the row that has the focus. What was chosen stays in the form
// whatever the save's outcome; a failed save says so beside the button.
import { useState } from 'react';
import { PROFILE_FITS, retrospectiveBodySchema, REVIEW_SECTIONS, VERDICTS, type ProfileFit, type ReviewSection, type Verdict } from '@/lib/engagement/retrospective';
import { reviewAnswerSchema, type DueReview, type Review } from '@/lib/engagement/retrospective-answers';
import { sectionLabel } from '@/lib/packet/labels';
import { useFormErrors } from '../shared/form-errors';
import { useLocale, useT } from '../shared/i18n';
import { errorText, serverApi } from '../shared/server-api';

type Choice = { verdict?: Verdict; note: string };

/** API path → the input it is shown by: a section's verdict or note, the fit, its note. */
function inputFor(path: string): string | null {
  const m = /^sections\.(\w+)(\.note)?/.exec(path);
  if (m) return m[2] ? `note.${m[1]}` : `verdict.${m[1]}`;
  return path === 'profileFit' || path === 'profileNote' ? path : null;
}

type Errors = ReturnType<typeof useFormErrors>;

/** One section's row: its three verdicts (1, 2, 3 pick one while the row has the focus) and the note. */
function VerdictRow({ section: s, choice, set, errors }: { section: ReviewSection; choice: Choice | undefined; set: (patch: Partial<Choice>) => void; errors: Errors }) {
  const t = useT();
  const locale = useLocale();
  const pickByKey = (e: React.KeyboardEvent) => {
    const i = ['1', '2', '3'].indexOf(e.key);
    if (i < 0 || (e.target as HTMLInputElement).type === 'text') return;
    e.preventDefault();
    set({ verdict: VERDICTS[i] });
  };
  const label = sectionLabel(s, locale);
  return (
    <tr data-retro-section={s} data-value={choice?.verdict ?? ''} onKeyDown={pickByKey}>
      <th scope="row">
        {label}
        {errors.at(`verdict.${s}`)}
      </th>
      {VERDICTS.map((v) => (
        <td key={v}>
          <input type="radio" name={`verdict.${s}`} value={v} aria-label={`${label}: ${t(`retro.verdict.${v}`)}`} checked={choice?.verdict === v} onChange={() => set({ verdict: v })} {...errors.aria(`verdict.${s}`)} />
        </td>
      ))}
      <td>
        <input type="text" name={`note.${s}`} maxLength={2000} aria-label={`${label}: ${t('retro.note')}`} value={choice?.note ?? ''} onChange={(e) => set({ note: e.target.value })} {...errors.aria(`note.${s}`)} />
        {errors.at(`note.${s}`)}
      </td>
    </tr>
  );
}

export function RetrospectiveForm({ due, onSaved }: { due: DueReview; onSaved: (r: Review) => void }) {
  const t = useT();
  const locale = useLocale();
  const [choices, setChoices] = useState<Partial<Record<ReviewSection, Choice>>>({});
  const [fit, setFit] = useState<ProfileFit | null>(null);
  const [fitNote, setFitNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const errors = useFormErrors('retrospective', inputFor);
  const done = REVIEW_SECTIONS.filter((s) => choices[s]?.verdict).length;
  const set = (s: ReviewSection, patch: Partial<Choice>) => setChoices((c) => ({ ...c, [s]: { note: '', ...c[s], ...patch } }));

  const save = async () => {
    setFailed(null);
    const body = {
      key: due.key,
      sections: Object.fromEntries(REVIEW_SECTIONS.flatMap((s) => (choices[s]?.verdict ? [[s, { verdict: choices[s]!.verdict, note: choices[s]!.note }]] : []))),
      ...(fit ? { profileFit: fit } : {}),
      profileNote: fitNote,
    };
    const local = retrospectiveBodySchema.safeParse(body);
    if (!local.success) return errors.fromZod(local.error, body);
    setSaving(true);
    const r = await serverApi('POST', '/v1/team/retrospectives', local.data, reviewAnswerSchema);
    setSaving(false);
    if (r.ok) return onSaved(r.json.review);
    // Field problems go by their fields; anything else (offline, already reviewed) is said beside the button.
    if (r.status === 400) errors.fromAnswer(r, local.data);
    else errors.clear();
    setFailed(errorText(r, locale, { form: 'retrospective', input: local.data }));
  };

  return (
    <form
      className="retro-form"
      data-field="retro-form"
      data-key={due.key}
      aria-busy={saving}
      ref={errors.ref}
      onSubmit={(e) => {
        e.preventDefault();
        if (!saving) void save();
      }}
    >
      <h3>
        {due.deal || due.key}
        {due.account ? ` — ${due.account}` : ''}
      </h3>
      <p className="muted">
        {t('retro.rep', { rep: due.rep })} · {t('retro.acceptedOn', { at: due.acceptedAt.slice(0, 10), due: due.dueAt.slice(0, 10) })}
      </p>
      <p className="muted">{t('retro.intro')}</p>
      <table className="retro">
        <thead>
          <tr>
            <th scope="col">{t('retro.section')}</th>
            {VERDICTS.map((v, i) => (
              <th key={v} scope="col">
                {i + 1} {t(`retro.verdict.${v}`)}
              </th>
            ))}
            <th scope="col">{t('retro.note')}</th>
          </tr>
        </thead>
        <tbody>
          {REVIEW_SECTIONS.map((s) => (
            <VerdictRow key={s} section={s} choice={choices[s]} set={(patch) => set(s, patch)} errors={errors} />
          ))}
        </tbody>
      </table>
      <fieldset className="retro-fit">
        <legend>{t('retro.profileFit')}</legend>
        {PROFILE_FITS.map((f) => (
          <label key={f} className="inline">
            <input type="radio" name="profileFit" value={f} checked={fit === f} onChange={() => setFit(f)} {...errors.aria('profileFit')} /> {t(`retro.fit.${f}`)}
          </label>
        ))}
        {errors.at('profileFit')}
        <input type="text" name="profileNote" maxLength={2000} aria-label={`${t('retro.profileFit')}: ${t('retro.note')}`} placeholder={t('retro.note')} value={fitNote} onChange={(e) => setFitNote(e.target.value)} {...errors.aria('profileNote')} />
        {errors.at('profileNote')}
      </fieldset>
      {errors.summary('retro-errors')}
      <div className="row">
        <progress max={REVIEW_SECTIONS.length} value={done} aria-hidden="true" />
        <span data-field="retro-progress" data-value={done}>
          {t('retro.progress', { done, total: REVIEW_SECTIONS.length })}
        </span>
        <button type="submit" className="primary" data-field="retro-submit" disabled={saving}>
          {t('retro.submit')}
        </button>
        {saving && (
          <span role="status" data-field="retro-saving">
            <span className="spinner" aria-hidden="true" /> {t('retro.saving')}
          </span>
        )}
      </div>
      {failed && (
        <p className="errors" role="alert" data-field="retro-failed">
          {t('retro.failed', { reason: failed })}
        </p>
      )}
    </form>
  );
}
