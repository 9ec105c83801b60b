// My claims (and those made offline, pending), soonest expiry first, with a live countdown computed from server
// time (the offset measured at the last sync), coloured by urgency. Opens from
// the IndexedDB cache at once. How fresh it is shows only when it lags the
// sync line above (one sync line, not two saying the same time).
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { countdown } from '@/lib/claims/countdown';
import { db, type CachedClaim, type PendingClaim } from '@/extension/db/database';
import { getMeta } from '@/extension/db/meta';
import { useLocale, useT } from '../shared/i18n';
import { useSyncStatus } from '../shared/use-sync-status';
import { openDeal } from './open-deal';
import { VirtualList } from './VirtualList';

type Row = { pending: PendingClaim } | { pending: null; claim: CachedClaim };
const rowKey = (r: Row) => (r.pending ? `p${r.pending.localId}` : r.claim.id);

export function ClaimsList() {
  const t = useT();
  const locale = useLocale();
  const claims = useLiveQuery(() => db().claims.toArray(), []);
  const pending = useLiveQuery(() => db().pendingClaims.toArray(), []);
  const offset = useLiveQuery(async () => (await getMeta(db(), 'serverOffsetMs')) ?? 0, []) ?? 0;
  const fetchedAt = useLiveQuery(() => getMeta(db(), 'claimsFetchedAt'), []);
  const lastSyncAt = useSyncStatus().lastSyncAt;
  const lags = !!fetchedAt && (!lastSyncAt || Date.parse(lastSyncAt) - Date.parse(fetchedAt) > 60_000);
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setTick(Date.now()), 30_000);
    return () => clearInterval(id);
  }, []);
  const now = tick + offset;
  // ISO 8601 UTC times order as plain strings; localeCompare (collation) costs ~10 ms on a thousand.
  // Claims made offline first, then mine by expiry: one list, rendered as far as it is in view.
  // Built once per change of the cached claims, not at every render (the countdown ticks, the sync line changes).
  const rows = useMemo<Row[]>(() => {
    const live = (claims ?? []).filter((c) => !c.releasedAt && !c.wonAt).sort((a, b) => (a.expiresAt < b.expiresAt ? -1 : a.expiresAt > b.expiresAt ? 1 : 0));
    return [...(pending ?? []).map((p) => ({ pending: p })), ...live.map((c) => ({ claim: c, pending: null }))];
  }, [claims, pending]);
  return (
    <section className="claims">
      <h2>
        {t('claims.mine')} {lags && <span className="muted small">{t('claims.fresh', { time: new Date(fetchedAt!).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' }) })}</span>}
      </h2>
      {claims === undefined ? (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> {t('loading')}
        </p>
      ) : rows.length === 0 ? (
        <p className="muted pad">{t('claims.none')}</p>
      ) : (
        <VirtualList items={rows} rowKey={rowKey} rowHeight={27} maxHeight={190} label={t('claims.mine')}>
          {(row, at) => {
            if (row.pending) {
              const p = row.pending;
              return (
                <li key={rowKey(row)} {...at} data-pending-claim={p.localId} className={p.refused ? 'urgency-expired' : 'urgency-pending'}>
                  <span className="name">{p.customer}</span>
                  <span className="left">{p.refused ? t('claims.refused', { message: p.refused }) : t('claims.pending')}</span>
                  {p.refused && (
                    <button type="button" className="link" onClick={() => void db().pendingClaims.delete(p.localId!)}>
                      {t('claims.dismiss')}
                    </button>
                  )}
                </li>
              );
            }
            const c = row.claim;
            const cd = countdown(c.expiresAt, now);
            return (
              <li key={rowKey(row)} {...at} data-claim-id={c.id} data-expires-at={c.expiresAt} className={`urgency-${cd.urgency}`}>
                {c.dealUrl ? (
                  <a
                    className="name"
                    href={c.dealUrl}
                    onClick={(e) => {
                      e.preventDefault();
                      void openDeal(c.dealUrl!);
                    }}
                  >
                    {c.customer}
                  </a>
                ) : (
                  <span className="name">{c.customer}</span>
                )}
                <span className="left">
                  {cd.expired ? t('claims.expired') : cd.days > 0 ? t('claims.left', { d: cd.days, h: cd.hours }) : t('claims.leftHours', { h: cd.hours, m: cd.minutes })}
                </span>
              </li>
            );
          }}
        </VirtualList>
      )}
    </section>
  );
}
