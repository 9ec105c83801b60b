// My packets, most recently updated first, each with its checklist
// completeness; only the rows in view are rendered (and scored).
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/extension/db/database';
import { cachedTemplate } from '@/extension/db/team-template';
import { DEFAULT_TEMPLATE } from '@/lib/packet/checklist-template';
import type { Packet } from '@/lib/packet/schema';
import { scorePacket } from '@/lib/packet/score';
import { routeOfPacket, stageOf } from '@/lib/relay/packet-stage';
import { useT } from '../shared/i18n';
import { openDeal } from './open-deal';
import { VirtualList } from './VirtualList';

const packetKey = (p: Packet) => p.key;

export function PacketsList() {
  const t = useT();
  const template = useLiveQuery(() => cachedTemplate(db()), []) ?? DEFAULT_TEMPLATE;
  const packets = useLiveQuery(() => db().packets.orderBy('updatedAt').reverse().limit(200).toArray(), []);
  // Edits the server refused, by packet: the sync line counts them, this says where they wait.
  const refused = useLiveQuery(async () => {
    const by = new Map<string, number>();
    for (const r of await db().refusals.toArray()) by.set(r.packetKey, (by.get(r.packetKey) ?? 0) + 1);
    return by;
  }, []);
  if (packets === undefined)
    return (
      <p className="muted" role="status">
        <span className="spinner" aria-hidden="true" /> {t('loading')}
      </p>
    );
  if (packets.length === 0) return <p className="muted pad">{t('noneYet')}</p>;
  return (
    <VirtualList items={packets} rowKey={packetKey} rowHeight={46} maxHeight={230} label={t('packets.mine')} className="packets">
      {(p, at) => {
        const score = scorePacket(p, template);
        const name = p.deal.dealName ?? p.dealOverrides?.dealName ?? p.identity.recordId;
        const refusedHere = refused?.get(p.key) ?? 0;
        return (
          <li key={p.key} {...at} data-deal-key={p.key} data-completeness={score.completeness} data-stage={stageOf(p)}>
            <a
              href={p.dealUrl}
              onClick={(e) => {
                e.preventDefault();
                void openDeal(p.dealUrl);
              }}
            >
              {name}
            </a>
            <span className="muted small">{p.deal.accountName ?? ''}</span>
            <span className="pct" title={t('completeness')}>
              <progress max={100} value={score.completeness} /> {score.completeness}%
            </span>
            <span className={`status status-${p.status}`}>{t(`status.${p.status}`)}</span>
            {routeOfPacket(p).length > 2 && (
              // where the customer is, when the relay has more than sales → CS (there the status says it)
              <span className="stage muted small" data-field="relay.stage" data-value={stageOf(p)}>
                {t(`relay.stage.${stageOf(p)}`)}
              </span>
            )}
            {refusedHere > 0 && (
              <span className="refused" data-refused={refusedHere}>
                {t('popup.refused', { n: refusedHere })}
              </span>
            )}
          </li>
        );
      }}
    </VirtualList>
  );
}
