// The quick glance: the look-up box, what needs me, my claims counting down,
// my packets with their checklist completeness. Opens from IndexedDB at once;
// clicking a claim or a packet opens its deal in its CRM tab.
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { db } from '@/extension/db/database';
import { cachedTemplate } from '@/extension/db/team-template';
import { DEFAULT_TEMPLATE } from '@/lib/packet/checklist-template';
import { scorePacket } from '@/lib/packet/score';
import { useT } from '../shared/i18n';
import { SyncStatusLine } from '../shared/SyncStatusLine';
import { ClaimLookup } from './ClaimLookup';
import { ClaimsList } from './ClaimsList';
import { NeedsMe } from './NeedsMe';
import { openDeal } from './open-deal';

export function PopupApp() {
  const t = useT();
  const template = useLiveQuery(() => cachedTemplate(db()), []) ?? DEFAULT_TEMPLATE;
  const packets = useLiveQuery(() => db().packets.orderBy('updatedAt').reverse().limit(200).toArray(), []);
  // Edits the server refused, by packet: the sync line counts them, this says where they wait.
  const refused = useLiveQuery(async () => {
    const by = new Map<string, number>();
    for (const r of await db().refusals.toArray()) by.set(r.packetKey, (by.get(r.packetKey) ?? 0) + 1);
    return by;
  }, []);
  return (
    <div className="popup">
      <header className="bar">
        <strong className="brand">{t('appName')}</strong>
        <SyncStatusLine />
        <button type="button" className="icon" onClick={() => void browser.runtime.openOptionsPage()}>
          ⚙
        </button>
      </header>
      <ClaimLookup />
      <NeedsMe />
      <ClaimsList />
      <h2>{t('packets.mine')}</h2>
      {packets === undefined ? (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> {t('loading')}
        </p>
      ) : packets.length === 0 ? (
        <p className="muted pad">{t('noneYet')}</p>
      ) : (
        <ul className="packets">
          {packets.map((p) => {
            const score = scorePacket(p, template);
            const name = p.deal.dealName ?? p.dealOverrides?.dealName ?? p.identity.recordId;
            return (
              <li key={p.key} data-deal-key={p.key} data-completeness={score.completeness}>
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
                {(refused?.get(p.key) ?? 0) > 0 && (
                  <span className="refused" data-refused={refused!.get(p.key)}>
                    {t('popup.refused', { n: refused!.get(p.key)! })}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
