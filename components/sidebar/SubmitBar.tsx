// Submit is disabled until the packet qualifies, and says why.
import type { Packet } from '@/lib/packet/schema';
import type { Score } from '@/lib/packet/score';
import { ruleLabel } from '@/lib/packet/labels';
import type { PacketOp } from '@/lib/sync/packet-ops';
import { useLocale, useT } from '../shared/i18n';

interface Props {
  packet: Packet;
  score: Score;
  threshold: number;
  edit: (op: PacketOp) => void;
  flush: () => Promise<void>;
}

export function SubmitBar({ packet, score, threshold, edit, flush }: Props) {
  const t = useT();
  const locale = useLocale();
  const editable = packet.status === 'draft' || packet.status === 'returned';
  const reason = !editable
    ? null
    : score.missingRequired.length
      ? `${t('missingRequired')}${locale === 'en' ? ': ' : '：'}${score.missingRequired.map((i) => ruleLabel(i.id, locale)).join(locale === 'en' ? '; ' : '；')}`
      : score.completeness < threshold
        ? t('belowThreshold', { value: score.completeness, threshold })
        : null;
  return (
    <footer className="submit-bar">
      <div className="muted" data-field="status" data-value={packet.status}>
        {t('statusLabel')}: {t(`status.${packet.status}`)}
      </div>
      {reason && (
        <p className="reason" id="submit-reason" data-field="submit-reason">
          {reason}
        </p>
      )}
      {packet.status === 'submitted' && <p className="okmsg">{t('submitConfirm')}</p>}
      <button
        type="button"
        className="primary"
        data-field="submit"
        disabled={!editable || !score.canSubmit}
        aria-describedby={reason ? 'submit-reason' : undefined}
        onClick={async () => {
          await flush();
          edit({ kind: 'status', status: 'submitted' });
        }}
      >
        {packet.status === 'submitted' ? t('submitted') : t('submit')}
      </button>
    </footer>
  );
}
