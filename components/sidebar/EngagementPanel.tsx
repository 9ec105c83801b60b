// Before acceptance, for the rep: when customer success should join (Rule 1
// after close, Rule 2 at ~70%), from the deal's amount, the expected sales
// cycle and implementation length, and the CRM stage. A Rule 2 deal past the
// join point without a CSM gets a prompt and a one-click request that tells
// the CS team.
import { engagementRule, needsCsm } from '@/lib/engagement/engagement-rule';
import { dealProgress } from '@/lib/engagement/stage-progress';
import type { Packet } from '@/lib/packet/schema';
import type { PacketOp } from '@/lib/sync/packet-ops';
import { useLocale, useT } from '../shared/i18n';
import { useSyncStatus } from '../shared/use-sync-status';
import { PacketCommandButton, PacketCommandRefusal } from './PacketCommandButton';
import { usePacketCommand } from './use-packet-command';
import { useEngagementPolicy } from './use-template';

const num = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) ? null : Number(v));

export function EngagementPanel({ packet, edit, flush }: { packet: Packet; edit: (op: PacketOp) => void; flush: () => Promise<void> }) {
  const t = useT();
  const locale = useLocale();
  const signedIn = !!useSyncStatus().user;
  const command = usePacketCommand(packet.key, flush);
  const policy = useEngagementPolicy();
  const amount = packet.contract.amount ?? packet.deal.amount;
  const rule = engagementRule({ amount, salesCycleDays: packet.engagement.salesCycleDays, implementationWeeks: packet.engagement.implementationWeeks }, policy);
  const typedProbability = Number(packet.dealOverrides.probability?.replace('%', '').trim() || NaN);
  const progress = dealProgress(
    packet.identity.crm,
    {
      stage: packet.deal.stage ?? packet.dealOverrides.stage ?? null,
      probability: packet.deal.probability ?? (Number.isFinite(typedProbability) ? typedProbability : null),
    },
    policy,
  );
  const requested = packet.review.csmRequestedAt;
  const prompt = needsCsm(rule, progress, !!requested, policy);
  return (
    <section className="engagement" aria-label={t('engage.heading')} data-field="engagement" data-value={rule}>
      <strong>{t('engage.heading')}</strong>{' '}
      <span data-field="engagement-rule">{t(rule === 1 ? 'engage.rule1' : 'engage.rule2', { p: policy.rule.joinAtProgress })}</span>
      {progress !== null && <span className="muted small"> · {t('engage.progress', { p: progress })}</span>}
      <div className="row">
        <label className="inline small">
          {t('engage.cycle')}
          <input type="number" min={0} inputMode="numeric" data-path="engagement.salesCycleDays" value={packet.engagement.salesCycleDays ?? ''} onChange={(e) => edit({ kind: 'set', path: 'engagement.salesCycleDays', value: num(e.target.value) })} />
        </label>
        <label className="inline small">
          {t('engage.implementation')}
          <input type="number" min={0} step="any" inputMode="decimal" data-path="engagement.implementationWeeks" value={packet.engagement.implementationWeeks ?? ''} onChange={(e) => edit({ kind: 'set', path: 'engagement.implementationWeeks', value: num(e.target.value) })} />
        </label>
      </div>
      {requested ? (
        <p className="okmsg small" data-field="csm-requested">
          {t('engage.requested', { time: new Date(requested).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) })}
        </p>
      ) : (
        prompt && (
          <div className="warn" role="note" data-field="csm-prompt">
            {t('engage.prompt', { p: progress ?? 0 })}{' '}
            <PacketCommandButton command={command} name="request-csm" label={t('engage.request')} disabled={!signedIn} />
          </div>
        )
      )}
      <PacketCommandRefusal command={command} />
    </section>
  );
}
