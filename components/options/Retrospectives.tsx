// The handoff retrospectives (options page → #retrospectives): for the person
// who accepted a packet, the reviews now due and the form for one of them
// (options.html?review=<packet key> opens it, as the popup's "needs me" does);
// for the rep, what CS said about their handoffs.
import { useEffect, useState } from 'react';
import { REVIEW_SECTIONS } from '@/lib/engagement/retrospective';
import { dueReviewsAnswerSchema, receivedReviewsAnswerSchema, type DueReview, type Review } from '@/lib/engagement/retrospective-answers';
import { sectionLabel } from '@/lib/packet/labels';
import { useLocale, useT } from '../shared/i18n';
import { useSyncStatus } from '../shared/use-sync-status';
import { errorText, serverApi, type ServerAnswer } from '../shared/server-api';
import { RetrospectiveForm } from './RetrospectiveForm';

function ReceivedReview({ r }: { r: Review }) {
  const t = useT();
  const locale = useLocale();
  const findings = REVIEW_SECTIONS.filter((s) => r.sections[s] && r.sections[s].verdict !== 'right');
  return (
    <li data-review={r.key}>
      <strong>{r.deal || r.key}</strong>
      {r.account ? ` — ${r.account}` : ''} <span className="muted">{t('retro.reviewedBy', { csm: r.csm, at: r.submittedAt.slice(0, 10) })}</span>
      <ul>
        {findings.length === 0 && <li>{t('retro.allRight')}</li>}
        {findings.map((s) => (
          <li key={s} data-finding={s} data-value={r.sections[s]!.verdict}>
            {sectionLabel(s, locale)}: {t(`retro.verdict.${r.sections[s]!.verdict}`)}
            {r.sections[s]!.note ? ` — ${r.sections[s]!.note}` : ''}
          </li>
        ))}
        <li data-finding="profileFit" data-value={r.profileFit}>
          {t('retro.profileFit')}: {t(`retro.fit.${r.profileFit}`)}
          {r.profileNote ? ` — ${r.profileNote}` : ''}
        </li>
      </ul>
    </li>
  );
}

export function Retrospectives() {
  const t = useT();
  const locale = useLocale();
  const [due, setDue] = useState<DueReview[] | null>(null);
  const [received, setReceived] = useState<Review[] | null>(null);
  const [failure, setFailure] = useState<ServerAnswer<unknown> | null>(null);
  const [open, setOpen] = useState<string | null>(() => new URLSearchParams(location.search).get('review'));
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    void serverApi('GET', '/v1/team/retrospectives/due', undefined, dueReviewsAnswerSchema).then((r) => (r.ok ? setDue(r.json.due) : setFailure(r)));
    void serverApi('GET', '/v1/team/retrospectives/received', undefined, receivedReviewsAnswerSchema).then((r) => (r.ok ? setReceived(r.json.reviews) : setFailure(r)));
  }, []);
  // Those who accept packets review them; a rep only reads what was said of theirs.
  const reviews = ['csm', 'manager', 'admin'].includes(useSyncStatus().user?.role ?? '');

  return (
    <section className="card" id="retrospectives" aria-labelledby="retro-h" data-field="retrospectives">
      <h2 id="retro-h">{t('retro.heading')}</h2>
      {failure && <p className="errors">{errorText(failure, locale)}</p>}
      {saved && (
        <p className="okmsg" role="status" data-field="retro-saved">
          {t('retro.saved')}
        </p>
      )}
      {due === null && !failure && (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> {t('loading')}
        </p>
      )}
      {due !== null && reviews && (
        <>
          <h3>{t('retro.due')}</h3>
          {due.length === 0 && <p className="muted">{t('retro.noneDue')}</p>}
          <ul className="queue" data-field="retro-due">
            {due.map((d) => (
              <li key={d.key} data-due={d.key}>
                <button type="button" className="link" aria-expanded={open === d.key} onClick={() => setOpen(open === d.key ? null : d.key)}>
                  {d.deal || d.key}
                  {d.account ? ` — ${d.account}` : ''}
                </button>{' '}
                <span className="muted">
                  {t('retro.rep', { rep: d.rep })} · {t('retro.acceptedOn', { at: d.acceptedAt.slice(0, 10), due: d.dueAt.slice(0, 10) })}
                </span>
                {open === d.key && (
                  <RetrospectiveForm
                    due={d}
                    onSaved={(r) => {
                      setDue((list) => list?.filter((x) => x.key !== r.key) ?? null);
                      setOpen(null);
                      setSaved(r.key);
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {received && received.length > 0 && (
        <>
          <h3>{t('retro.received')}</h3>
          <ul className="queue" data-field="retro-received">
            {received.map((r) => (
              <ReceivedReview key={r.key} r={r} />
            ))}
          </ul>
        </>
      )}
      {received?.length === 0 && !reviews && <p className="muted">{t('retro.noneReceived')}</p>}
    </section>
  );
}
