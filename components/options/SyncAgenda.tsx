// The sales–CS sync meeting's agenda (options page → #sync-agenda, managers):
// for whole days chosen (default the last 14: the meeting is every two weeks),
// the server's gathered agenda (lib/engagement/sync-agenda.ts) shown here,
// printable (the print stylesheet keeps only this card) and downloadable as Markdown.
import { useEffect, useState } from 'react';
import { agendaAnswerSchema } from '@/lib/engagement/retrospective-answers';
import { itemLabel, syncAgendaMarkdown, type SyncAgenda as Agenda } from '@/lib/engagement/sync-agenda';
import { sectionLabel } from '@/lib/packet/labels';
import { useLocale, useT } from '../shared/i18n';
import { errorText, serverApi, type ServerAnswer } from '../shared/server-api';

const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function AgendaBody({ a }: { a: Agenda }) {
  const t = useT();
  const locale = useLocale();
  const day = (iso: string) => iso.slice(0, 10);
  const none = <li className="muted">{t('agenda.none')}</li>;
  return (
    <>
      <h3 data-section="returned">1. {t('agenda.returned', { n: a.returned.length })}</h3>
      <ul>
        {a.returned.length === 0 && none}
        {a.returned.map((r) => (
          <li key={r.key} data-returned={r.key}>
            <strong>{r.deal || r.key}</strong>
            {r.account ? ` (${r.account})` : ''} — {t('agenda.returnedBy', { rep: r.rep, n: r.times, at: day(r.lastAt) })}
            <ul>
              {r.reasons.map((x) => (
                <li key={`${x.item}:${x.reason}`}>
                  {itemLabel(x.item, locale)}
                  {t('agenda.colon')}
                  {x.reason}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <h3 data-section="findings">2. {t('agenda.findings', { n: a.findings.reviews, ok: a.findings.allRight })}</h3>
      <ul>
        {a.findings.items.length === 0 && none}
        {a.findings.items.map((r) => (
          <li key={r.key} data-finding-of={r.key}>
            <strong>{r.deal || r.key}</strong> — {t('agenda.reviewBy', { rep: r.rep, csm: r.csm, at: day(r.submittedAt) })}
            <ul>
              {r.sections.map((s) => (
                <li key={s.section}>
                  {sectionLabel(s.section, locale)}
                  {t('agenda.colon')}
                  {t(`retro.verdict.${s.verdict}`)}
                  {s.note ? ` — ${s.note}` : ''}
                </li>
              ))}
              {r.profileFit !== 'yes' && (
                <li>
                  {t('retro.profileFit')}
                  {t('agenda.colon')}
                  {t(`retro.fit.${r.profileFit}`)}
                  {r.profileNote ? ` — ${r.profileNote}` : ''}
                </li>
              )}
            </ul>
          </li>
        ))}
      </ul>
      <h3 data-section="conflicts">3. {t('agenda.conflicts', { n: a.conflicts.length })}</h3>
      <ul>
        {a.conflicts.length === 0 && none}
        {a.conflicts.map((c) => (
          <li key={c.id}>
            <strong>{c.customer}</strong> — {t('agenda.conflictLine', { holder: c.holder, opener: c.opener, at: day(c.openedAt) })}
            {c.evidence ? `${t('agenda.colon')}${c.evidence}` : ''}
          </li>
        ))}
      </ul>
      <h3 data-section="opportunities">4. {t('agenda.opportunities', { n: a.opportunities.length })}</h3>
      <ul>
        {a.opportunities.length === 0 && none}
        {a.opportunities.map((o, i) => (
          <li key={`${o.key}:${i}`}>
            {o.date} <strong>{o.deal || o.key}</strong>
            {o.account ? ` (${o.account})` : ''}
            {t('agenda.colon')}
            {o.summary}
            {o.value !== null ? ` — ${o.value.toLocaleString(locale)}${o.currency ? ` ${o.currency}` : ''}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

export function SyncAgenda() {
  const t = useT();
  const locale = useLocale();
  const [from, setFrom] = useState(() => dayOf(Date.now() - 13 * DAY));
  const [to, setTo] = useState(() => dayOf(Date.now()));
  const [agenda, setAgenda] = useState<Agenda | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const build = async () => {
    setProblem(null);
    // Whole days, the end day included: [from 00:00 UTC, the day after `to` 00:00 UTC).
    const start = Date.parse(`${from}T00:00:00Z`);
    const end = Date.parse(`${to}T00:00:00Z`) + DAY;
    if (Number.isNaN(start) || Number.isNaN(end) || start >= end) return setProblem(t('agenda.badPeriod'));
    setBusy(true);
    const r = await serverApi('GET', `/v1/team/sync-agenda?from=${new Date(start).toISOString()}&to=${new Date(end).toISOString()}`, undefined, agendaAnswerSchema);
    setBusy(false);
    if (r.ok) setAgenda(r.json.agenda);
    else setProblem(errorText(r as ServerAnswer<unknown>, locale));
  };
  useEffect(() => {
    void build();
    // Built once on opening with the default period; later by the button.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const md = agenda ? syncAgendaMarkdown(agenda, locale) : null;
  const title = md?.split('\n')[0]!.replace(/^# /, '') ?? '';
  const href = md ? URL.createObjectURL(new Blob([md], { type: 'text/markdown' })) : null;
  return (
    <section className="card agenda" id="sync-agenda" aria-labelledby="agenda-h" data-field="sync-agenda">
      <h2 id="agenda-h">{t('agenda.heading')}</h2>
      <form
        className="row no-print"
        onSubmit={(e) => {
          e.preventDefault();
          void build();
        }}
      >
        <label className="inline">
          {t('agenda.from')} <input type="date" name="from" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="inline">
          {t('agenda.to')} <input type="date" name="to" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="submit" data-field="agenda-build" disabled={busy}>
          {t('agenda.build')}
        </button>
        {busy && <span className="spinner" role="status" aria-label={t('loading')} />}
        {agenda && (
          <>
            <button type="button" data-field="agenda-print" onClick={() => window.print()}>
              {t('agenda.print')}
            </button>
            <a href={href!} download={`${title.replace(/[\\/:*?"<>|]/g, '_')}.md`} data-field="agenda-md">
              {t('agenda.markdown')}
            </a>
          </>
        )}
      </form>
      {problem && (
        <p className="errors" role="alert">
          {problem}
        </p>
      )}
      {agenda && (
        <article data-field="agenda" aria-live="polite">
          <h2 className="print-only">{title}</h2>
          <AgendaBody a={agenda} />
        </article>
      )}
    </section>
  );
}
