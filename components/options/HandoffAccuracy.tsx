// Handoff accuracy on the manager's health page: how much of each handed-over
// packet the CSMs found right in their retrospectives, per rep and per section,
// for the health page's period (lib/engagement/retrospective.ts defines the figures).
import { useEffect, useState } from 'react';
import { accuracyAnswerSchema } from '@/lib/engagement/retrospective-answers';
import type { HandoffAccuracy as Accuracy } from '@/lib/engagement/retrospective';
import { sectionLabel } from '@/lib/packet/labels';
import { useLocale, useT } from '../shared/i18n';
import { errorText, serverApi, type ServerAnswer } from '../shared/server-api';

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

export function HandoffAccuracy({ period }: { period: { from: string; to: string } }) {
  const t = useT();
  const locale = useLocale();
  const [a, setA] = useState<Accuracy | null>(null);
  const [failure, setFailure] = useState<ServerAnswer<unknown> | null>(null);
  useEffect(() => {
    setA(null);
    setFailure(null);
    const q = `from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}`;
    void serverApi('GET', `/v1/team/retrospectives/accuracy?${q}`, undefined, accuracyAnswerSchema).then((r) => (r.ok ? setA(r.json.accuracy) : setFailure(r)));
  }, [period.from, period.to]);

  return (
    <div data-field="handoff-accuracy" aria-labelledby="accuracy-h">
      <h3 id="accuracy-h">{t('accuracy.heading')}</h3>
      {!a ? (
        <p className="muted" role="status">
          {failure ? errorText(failure, locale) : <span className="spinner" aria-hidden="true" />}
        </p>
      ) : a.reviews === 0 ? (
        <p className="muted" data-field="accuracy-none">
          {t('accuracy.none')}
        </p>
      ) : (
        <>
          <p data-field="accuracy-overall" data-value={a.overall.accuracy ?? ''}>
            {t('accuracy.overall', { accuracy: a.overall.accuracy ?? '—', n: a.reviews })}
          </p>
          <table className="trend-table">
            <thead>
              <tr>
                <th scope="col">{t('accuracy.rep')}</th>
                <th scope="col">{t('accuracy.reviews')}</th>
                <th scope="col">{t('accuracy.accuracy')}</th>
                <th scope="col">{t('retro.verdict.wrong')}</th>
                <th scope="col">{t('retro.verdict.missing')}</th>
                <th scope="col">{t('accuracy.fit')}</th>
              </tr>
            </thead>
            <tbody>
              {a.perRep.map((r) => (
                <tr key={r.userId} data-accuracy-rep={r.name} data-value={r.accuracy ?? ''}>
                  <th scope="row">{r.name}</th>
                  <td>{r.reviews}</td>
                  <td>{pct(r.accuracy)}</td>
                  <td>{r.wrong}</td>
                  <td>{r.missing}</td>
                  <td>
                    {r.profileFit.yes} / {r.profileFit.partly} / {r.profileFit.no}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('accuracy.perSection')}</h3>
          <table className="trend-table">
            <thead>
              <tr>
                <th scope="col">{t('retro.section')}</th>
                <th scope="col">{t('retro.verdict.right')}</th>
                <th scope="col">{t('retro.verdict.wrong')}</th>
                <th scope="col">{t('retro.verdict.missing')}</th>
                <th scope="col">{t('accuracy.accuracy')}</th>
              </tr>
            </thead>
            <tbody>
              {a.perSection.map((s) => (
                <tr key={s.section} data-accuracy-section={s.section} data-value={s.accuracy ?? ''}>
                  <th scope="row">{sectionLabel(s.section, locale)}</th>
                  <td>{s.right}</td>
                  <td>{s.wrong}</td>
                  <td>{s.missing}</td>
                  <td>{pct(s.accuracy)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
