// The manager's Reassign screen (options page → #reassign, issue 16 item 2):
// pick the person who leaves or changes role, what becomes of them, one or
// several receivers of the same role, how to share the customers and why;
// preview; then ReassignPlan shows what moves, with a note per packet, and
// confirms. Only active people are offered; the server checks all of it again.
import { ROLES } from '@/lib/packet/edit-rights';
import { holdsCustomers, mayGrant } from '@/lib/reassign/rules';
import { ChoiceOptions } from '../shared/ChoiceOptions';
import { useT } from '../shared/i18n';
import { useSyncStatus } from '../shared/use-sync-status';
import { ReassignPlan } from './ReassignPlan';
import { useReassignment } from './use-reassignment';
import { useTeamUsers } from './use-team-users';

export function ReassignCard() {
  const t = useT();
  const callerRole = useSyncStatus().user?.role;
  const { users } = useTeamUsers();
  const r = useReassignment();
  const { request, change } = r;
  const active = (users ?? []).filter((u) => !u.deactivatedAt);
  const leaver = active.find((u) => u.id === request.leaverId) ?? null;
  const receivers = leaver ? active.filter((u) => u.role === leaver.role && u.id !== leaver.id) : [];
  const grantable = leaver && (callerRole === 'manager' || callerRole === 'admin') ? ROLES.filter((x) => x !== leaver.role && mayGrant(callerRole, x)) : [];
  const locked = r.phase === 'working' || r.phase === 'done';
  const toggle = (id: number, on: boolean) => change({ receivers: on ? [...request.receivers, id] : request.receivers.filter((x) => x !== id) });

  return (
    <section className="card reassign" id="reassign" aria-labelledby="reassign-h">
      <h2 id="reassign-h">{t('reassign.heading')}</h2>
      <p className="muted">{t('reassign.intro')}</p>
      <fieldset disabled={locked}>
        <label className="row">
          {t('reassign.person')}
          <select data-field="reassign-leaver" value={request.leaverId ?? ''} onChange={(e) => change({ leaverId: e.target.value ? Number(e.target.value) : null })}>
            <option value="">{t('reassign.pick')}</option>
            {active
              .filter((u) => holdsCustomers(u.role))
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} — {t(`role.${u.role}`)}
                </option>
              ))}
          </select>
        </label>
        {leaver && (
          <>
            <fieldset>
              <legend>{t('reassign.outcome')}</legend>
              {(['leaves', 'changesRole'] as const).map((o) => (
                <label key={o} className="row">
                  <input type="radio" name="reassign-outcome" value={o} checked={request.outcome === o} onChange={() => change({ outcome: o, newRole: o === 'changesRole' ? (grantable[0] ?? null) : null })} />
                  {t(`reassign.outcome.${o}`)}
                </label>
              ))}
              {request.outcome === 'changesRole' && (
                <label className="row">
                  {t('reassign.newRole')}
                  <select data-field="reassign-new-role" value={request.newRole ?? ''} onChange={(e) => change({ newRole: grantable.find((x) => x === e.target.value) ?? null })}>
                    <ChoiceOptions values={grantable} label={(x) => t(`role.${x}`)} />
                  </select>
                </label>
              )}
            </fieldset>
            <fieldset>
              <legend>{t('reassign.receivers')}</legend>
              <p className="hint">{receivers.length ? t('reassign.receiversHint', { role: t(`role.${leaver.role}`) }) : t('reassign.noReceivers')}</p>
              {receivers.map((u) => (
                <label key={u.id} className="row">
                  <input type="checkbox" data-receiver={u.id} checked={request.receivers.includes(u.id)} onChange={(e) => toggle(u.id, e.target.checked)} />
                  {u.name}
                </label>
              ))}
            </fieldset>
            {request.receivers.length > 1 && (
              <fieldset>
                <legend>{t('reassign.split')}</legend>
                {(['even', 'choice'] as const).map((s) => (
                  <label key={s} className="row">
                    <input type="radio" name="reassign-split" value={s} checked={request.split === s} onChange={() => change({ split: s })} />
                    {t(`reassign.split.${s}`)}
                  </label>
                ))}
              </fieldset>
            )}
            <label className="stacked">
              {t('reassign.reason')}
              <textarea data-field="reassign-reason" rows={2} maxLength={500} value={request.reason} onChange={(e) => change({ reason: e.target.value })} />
            </label>
            <p className="row">
              <button type="button" className="primary" data-field="reassign-preview" disabled={r.phase === 'previewing'} onClick={() => void r.preview()}>
                {t('reassign.preview')}
              </button>
              {r.phase === 'previewing' && (
                <span className="muted" role="status">
                  <span className="spinner" aria-hidden="true" /> {t('reassign.previewing')}
                </span>
              )}
            </p>
          </>
        )}
      </fieldset>
      {r.error && (
        <p className="errors" role="alert" data-field="reassign-error">
          {r.error}
        </p>
      )}
      {r.plan && leaver && <ReassignPlan r={r} receivers={receivers} />}
    </section>
  );
}
