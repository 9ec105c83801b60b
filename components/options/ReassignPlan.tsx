// What a reassignment will move (the server's preview), to whom, each packet
// with its handoff note (prefilled with the reason, editable) and, when the
// manager shares by choice, a receiver per customer; then the confirmed
// action, its progress and the result summary.
import type { TeamUser } from '@/lib/sync/api-responses';
import { receiverTotals } from '@/lib/reassign/totals';
import { ConfirmAction } from '../shared/ConfirmAction';
import { useLocale, useT } from '../shared/i18n';
import { TableHead } from '../shared/TableHead';
import type { Reassignment } from './use-reassignment';

export function ReassignPlan({ r, receivers }: { r: Reassignment; receivers: TeamUser[] }) {
  const t = useT();
  const locale = useLocale();
  const plan = r.plan!;
  const name = plan.leaver.name;
  const choosing = r.request.split === 'choice' && r.phase === 'preview';
  const chosen = plan.customers.map((c) => ({ ...c, receiverId: r.phase === 'done' || r.request.split === 'even' ? c.receiverId : (r.choices[c.id] ?? c.receiverId) }));
  const people = r.request.receivers.map((id) => receivers.find((u) => u.id === id) ?? plan.receivers.find((x) => x.id === id)!).filter(Boolean);
  const nameOf = (id: number) => people.find((p) => p.id === id)?.name ?? String(id);
  const date = (iso: string) => new Date(iso).toLocaleDateString(locale, { dateStyle: 'medium' });

  return (
    <div className="reassign-plan" data-field="reassign-plan">
      <h3>{t('reassign.plan')}</h3>
      <p data-field="reassign-summary">
        {plan.totals.customers ? t('reassign.summary', { ...plan.totals, name }) : t('reassign.nothing', { name })}
      </p>
      {plan.customers.length > 0 && (
        <table className="reassign-table">
          <TableHead labels={[t('reassign.customer'), t('reassign.what'), t('reassign.receiver')]} />
          <tbody>
            {chosen.map((c) => (
              <tr key={c.id} data-customer={c.id}>
                <th scope="row">{c.label}</th>
                <td>
                  <ul>
                    {c.claims.map((x) => (
                      <li key={x.id} data-plan-claim={x.id}>
                        {t('needs.handoffClaim', { label: x.customer })} · {t('reassign.claimUntil', { date: date(x.expiresAt) })}
                      </li>
                    ))}
                    {c.packets.map((p) => (
                      <li key={p.key} data-plan-packet={p.key}>
                        {t('needs.handoffPacket', { label: p.dealName || c.label })} · {t(`status.${p.status}`)}
                        {p.as === 'csm' && ` · ${t('reassign.asCsm')}`}
                        <label className="stacked">
                          {t('reassign.noteFor', { deal: p.dealName || c.label })}
                          <textarea rows={2} maxLength={1000} data-note={p.key} disabled={r.phase !== 'preview'} value={r.notes[p.key] ?? ''} onChange={(e) => r.setNote(p.key, e.target.value)} />
                        </label>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {choosing ? (
                    <select aria-label={t('reassign.receiver')} data-choice={c.id} value={c.receiverId} onChange={(e) => r.choose(c.id, Number(e.target.value))}>
                      {people.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                    </select>
                  ) : (
                    nameOf(c.receiverId)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ul className="reassign-totals">
        {receiverTotals(chosen, people).map((x) => (
          <li key={x.id} data-receiver-total={x.id}>
            {t('reassign.perReceiver', x)}
          </li>
        ))}
      </ul>
      {r.phase === 'preview' && (
        <ConfirmAction action="reassign" question={t('reassign.question', { name })} onConfirm={() => void r.confirm()}>
          {(ask, asking) => (
            <button type="button" className="primary" data-field="reassign-confirm" disabled={asking} onClick={ask}>
              {t('reassign.confirm')}
            </button>
          )}
        </ConfirmAction>
      )}
      {r.phase === 'working' && (
        <p className="muted" role="status" data-field="reassign-working">
          <span className="spinner" aria-hidden="true" /> {t('reassign.working')}
        </p>
      )}
      {r.phase === 'done' && <ReassignDone r={r} />}
    </div>
  );
}

/** The result: what moved, what became of the person, and a way to start again. */
function ReassignDone({ r }: { r: Reassignment }) {
  const t = useT();
  const plan = r.plan!;
  const name = plan.leaver.name;
  return (
    <div className="reassign-done" role="status" data-field="reassign-done" data-reassignment-id={plan.reassignmentId}>
      <p>
        <strong>{t('reassign.done', { claims: plan.totals.claims, packets: plan.totals.packets, name })}</strong>{' '}
        {r.request.outcome === 'leaves' ? t('reassign.doneLeft', { name }) : t('reassign.doneRole', { name, role: r.request.newRole ? t(`role.${r.request.newRole}`) : '' })}
      </p>
      <button type="button" onClick={r.again}>
        {t('reassign.again')}
      </button>
    </div>
  );
}
