// Signed out on a browser the IT department configured: say which server the
// organization uses and offer sign-in there, so a fresh profile is already
// pointed at the team's server (issue 15) instead of asking for an address.
import { browser } from 'wxt/browser';
import { useT } from './i18n';
import { useManaged } from './use-managed';
import { useSyncStatusOrNull } from './use-sync-status';

export function ManagedServerPointer() {
  const t = useT();
  const status = useSyncStatusOrNull();
  const server = useManaged().config.serverUrl;
  if (!server || status?.state !== 'signedOut') return null;
  return (
    <p className="managed-pointer" data-field="managed-server" data-value={server}>
      {t('managed.pointedAt', { server })}{' '}
      <button type="button" className="primary" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('managed.signInTo', { server: new URL(server).host })}
      </button>
    </p>
  );
}

/** "Set by your organization" beside a control the policy locks. */
export function LockedNote({ field }: { field: string }) {
  const t = useT();
  return (
    <span className="muted locked-note" data-field="managed-locked" data-value={field}>
      🔒 {t('managed.locked')}
    </span>
  );
}
