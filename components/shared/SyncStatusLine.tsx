// "Synced 10:42" / "Pending 3 edits" / "Offline since 10:40" — one line, for
// the popup and the sidebar. Edits the server refused come first: the line
// never says "Synced" while one awaits the person (issue 11).
import { useLocale, useT } from './i18n';
import { useSyncStatus } from './use-sync-status';

export function SyncStatusLine() {
  const t = useT();
  const locale = useLocale();
  const s = useSyncStatus();
  const time = (iso: string | null) =>
    iso ? new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' }) : t('sync.never');
  const refused = s.refused ?? 0; // a status written before refusals were counted has none
  // Stopped or offline says so first; then refused edits, which wait for the person (steadier than "Syncing…").
  const shown =
    s.state === 'signedOut' || s.state === 'error' || s.state === 'offline' ? s.state : refused > 0 ? 'refused' : s.state === 'refused' ? 'synced' : s.state;
  const settled = () => (s.pending > 0 ? t('sync.pending', { n: s.pending }) : t('sync.synced', { time: time(s.lastSyncAt) }));
  const text = {
    signedOut: () => t('sync.signedOut'),
    error: () => t('sync.error', { message: s.message ?? '' }),
    offline: () => t('sync.offline', { time: time(s.offlineSince), n: s.pending }),
    refused: () => t('sync.refused', { n: refused }),
    syncing: () => t('sync.syncing'),
    pending: settled,
    synced: settled,
  }[shown]();
  // Offline or stopped, the refused edits are still counted.
  const full = refused > 0 && (shown === 'offline' || shown === 'error') ? `${text} · ${t('sync.refused', { n: refused })}` : text;
  return (
    <span className={`sync sync-${shown}`} data-field="sync-state" data-value={shown} data-pending={s.pending} data-refused={refused} title={s.message ?? ''}>
      {full}
    </span>
  );
}
