// Under "needs me": the claims and packets a reassignment handed to me (issue
// 16 item 2) — "Handed to you by <from> because <reason>", which claim or
// packet, the packet's note, who reassigned it — until I open it or say
// "Got it" (both acknowledge it on the server through the background, which
// holds the token; the cached list follows from the answer).
import type { HandoffNotice } from '@/lib/reassign/handoff-notice';
import { useT } from '../shared/i18n';
import { openDeal } from './open-deal';

// The server call's module (the runtime message map) loads on the first click, not at the popup's start.
const acknowledge = async (h: HandoffNotice) => (await import('../shared/server-api')).serverApi('POST', `/v1/me/handoffs/${h.id}/ack`, {});

export function HandedToMe({ handoffs }: { handoffs: HandoffNotice[] }) {
  const t = useT();
  return (
    <ul className="handoffs">
      {handoffs.map((h) => {
        const what = t(h.kind === 'claim' ? 'needs.handoffClaim' : 'needs.handoffPacket', { label: h.label });
        return (
          <li key={h.id} data-need="handoff" data-handoff-id={h.id} {...(h.claimId !== null ? { 'data-handoff-claim': h.claimId } : { 'data-handoff-packet': h.packetKey ?? '' })}>
            <p className="handoff-why">{t('needs.handoff', { from: h.from, reason: h.reason })}</p>
            {h.dealUrl ? (
              <button
                type="button"
                className="link"
                onClick={() => {
                  void acknowledge(h);
                  void openDeal(h.dealUrl!);
                }}
              >
                {what}
              </button>
            ) : (
              <span>{what}</span>
            )}
            {h.note && h.note !== h.reason && <p className="handoff-note">{t('needs.handoffNote', { note: h.note })}</p>}
            <p className="handoff-by muted small">
              {t('needs.handoffBy', { by: h.by })}{' '}
              <button type="button" data-handoff-ack={h.id} onClick={() => void acknowledge(h)}>
                {t('needs.handoffAck')}
              </button>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
