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
  const shown = s.state !== 'signedOut' && refused > 0 ? 'refused' : s.state === 'refused' ? 'synced' : s.state;
  const text =
    s.state === 'signedOut'
      ? t('sync.signedOut')
      : refused > 0
        ? t('sync.refused', { n: refused })
        : s.state === 'offline'
        ? t('sync.offline', { time: time(s.offlineSince), n: s.pending })
        : s.state === 'error'
          ? t('sync.error', { message: s.message ?? '' })
          : s.state === 'syncing'
            ? t('sync.syncing')
            : s.pending > 0
              ? t('sync.pending', { n: s.pending })
              : t('sync.synced', { time: time(s.lastSyncAt) });
  return (
    <span className={`sync sync-${shown}`} data-field="sync-state" data-value={shown} data-pending={s.pending} data-refused={refused} title={s.message ?? ''}>
      {text}
    </span>
  );
}
