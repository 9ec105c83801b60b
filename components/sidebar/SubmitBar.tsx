// Submit is disabled until the packet qualifies, and says why. Signed in to a
// server, submit and accept are commands the server decides; signed out, the
// packet is only marked submitted on this computer.
import type { PacketCommand } from '@/lib/packet/commands';
import { useState } from 'react';
import { apiErrorText } from '@/lib/i18n/api-errors';
import type { ChecklistTemplate } from '@/lib/packet/checklist-template';
import type { Packet } from '@/lib/packet/schema';
import type { Score } from '@/lib/packet/score';
import { ruleLabel } from '@/lib/packet/labels';
import { stageOf } from '@/lib/relay/packet-stage';
import type { PacketOp } from '@/lib/sync/packet-ops';
import { ConfirmAction } from '../shared/ConfirmAction';
import { useLocale, useT } from '../shared/i18n';
import { useSyncStatus } from '../shared/use-sync-status';
import { dbClient } from './db-client';
import { ReturnForm, type ReturnDraft } from './ReturnForm';

interface Props {
  packet: Packet;
  score: Score;
  threshold: number;
  template: ChecklistTemplate;
  edit: (op: PacketOp) => void;
  flush: () => Promise<void>;
  /** return reasons drafted from refused edits (the refusals are let go once the return is sent) */
  returnDraft?: ReturnDraft;
  onReturned?: () => void;
}

export function SubmitBar({ packet, score, threshold, template, edit, flush, returnDraft = {}, onReturned }: Props) {
  const t = useT();
  const locale = useLocale();
  const sync = useSyncStatus();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const role = sync.user?.role ?? 'rep';
  // CS reviews what is handed to CS; a packet handed to implementation is accepted in the relay panel
  const reviewer = (role === 'csm' || role === 'manager' || role === 'admin') && stageOf(packet) === 'cs';
  const editable = packet.status === 'draft' || packet.status === 'returned';
  const reason = !editable || role === 'csm'
    ? null
    : score.missingRequired.length
      ? t('missingCount', { n: score.missingRequired.length }) // the checklist above names them; the footer only counts
      : score.completeness < threshold
        ? t('belowThreshold', { value: score.completeness, threshold })
        : null;

  async function command(kind: Extract<PacketCommand, 'submit' | 'accept' | 'return'>, body?: unknown) {
    setBusy(true);
    setError(null);
    try {
      await flush();
      if (!sync.user) {
        if (kind === 'submit') edit({ kind: 'status', status: 'submitted' });
        return;
      }
      const r = await dbClient.request({ type: 'packet:command', key: packet.key, command: kind, ...(body ? { body } : {}) });
      if (!r.ok) setError(t('commandFailed', { message: apiErrorText(r.error, locale, { status: r.status, form: 'return', input: body }) }));
      else if (kind === 'return') {
        // The refused edits that became reasons now reached the rep: let them go.
        for (const id of Object.values(returnDraft).flatMap((d) => d.ids)) await dbClient.request({ type: 'refusal:discard', id });
        onReturned?.();
      }
    } catch (e) {
      setError(t('commandFailed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <footer className="submit-bar">
      <div className="muted" data-field="status" data-value={packet.status}>
        {t('statusLabel')}: {t(`status.${packet.status}`)}
      </div>
      {packet.status === 'returned' && packet.review.returnedReasons.length > 0 && (
        <div className="reason" data-field="returned-reasons">
          {t('returnedMsg')}
          <ul>
            {packet.review.returnedReasons.map((r, i) => (
              <li key={i} data-returned-item={r.item}>
                {ruleLabel(r.item, locale)}: {r.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {reason && (
        <p className="reason" id="submit-reason" data-field="submit-reason">
          {reason}
        </p>
      )}
      {packet.status === 'submitted' && !reviewer && <p className="okmsg">{t('submitConfirm')}</p>}
      {packet.status === 'accepted' && <p className="okmsg">{t('acceptedMsg')}</p>}
      {error && (
        <p className="reason" role="alert" data-field="command-error">
          {error}
        </p>
      )}
      {reviewer && packet.status === 'submitted' ? (
        <div className="review-actions">
          <ConfirmAction action="accept" question={t('confirm.accept')} onConfirm={() => void command('accept')}>
            {(ask, asking) => (
              <button type="button" className="primary" data-field="accept" disabled={busy || asking} onClick={ask}>
                {busy && <span className="spinner" aria-hidden="true" />} {t('accept')}
              </button>
            )}
          </ConfirmAction>{' '}
          <ReturnForm items={template.items.map((i) => i.id)} busy={busy} draft={returnDraft} onReturn={(reasons) => void command('return', { reasons })} />
        </div>
      ) : role === 'csm' || role === 'implementation' ? null : (
        // A CSM never submits (the rep hands over), nor implementation (its hand-on is in the relay panel): no button to puzzle over.
        <ConfirmAction action="submit" question={t('confirm.submit')} onConfirm={() => void command('submit')}>
          {(ask, asking) => (
            <button
              type="button"
              className="primary"
              data-field="submit"
              disabled={!editable || !score.canSubmit || busy || asking}
              aria-describedby={reason ? 'submit-reason' : undefined}
              onClick={ask}
            >
              {busy && <span className="spinner" aria-hidden="true" />} {packet.status === 'submitted' ? t('submitted') : t('submit')}
            </button>
          )}
        </ConfirmAction>
      )}
    </footer>
  );
}
