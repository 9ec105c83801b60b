// Server address and sign-in (SignInForms: company account, one-time code,
// token). The token goes to the background, which keeps it in the
// extension's IndexedDB; the content script never sees it.
import { useState } from 'react';
import { sendRuntime } from '@/extension/messaging/channel';
import { SyncStatusLine } from '../shared/SyncStatusLine';
import { useLocale, useT } from '../shared/i18n';
import { useSyncStatus } from '../shared/use-sync-status';
import { LockedNote } from '../shared/ManagedServerPointer';
import { useManaged } from '../shared/use-managed';
import { ManagedSettings } from './ManagedSettings';
import { SignInForms } from './SignInForms';

export function ServerSignIn() {
  const t = useT();
  const locale = useLocale();
  const status = useSyncStatus();
  const [typedUrl, setUrl] = useState('http://127.0.0.1:8787');
  // The organization's server, when its policy sets one, is the only address (locked).
  const managed = useManaged().config;
  const managedUrl = managed.serverUrl;
  const url = managedUrl ?? typedUrl;
  return (
    <section className="card" aria-labelledby="server-h">
      <h2 id="server-h">{t('server')}</h2>
      <p data-field="who">
        {status.user ? t('signedInAs', { name: status.user.name, role: t(`role.${status.user.role}` as 'role.rep'), team: status.user.team }) : null}
      </p>
      <p>
        <SyncStatusLine />
      </p>
      <ManagedSettings />
      {status.lastSyncAt && <p className="muted">{t('lastSync', { time: new Date(status.lastSyncAt).toLocaleString(locale) })}</p>}
      {!status.user ? (
        <>
          <label className="field">
            <span>{t('serverUrl')}</span>
            <input data-field="server-url" type="url" required value={url} readOnly={managedUrl !== undefined} onChange={(e) => setUrl(e.target.value)} />
            {managedUrl && <LockedNote field="serverUrl" />}
          </label>
          <SignInForms serverUrl={url} method={managed.signInMethod} managedTeam={managed.team} />
        </>
      ) : (
        <div className="row">
          <button type="button" data-field="sync-now" onClick={() => void sendRuntime({ type: 'sync:now' })}>
            {t('syncNow')}
          </button>
          <button type="button" onClick={() => void sendRuntime({ type: 'sync:signOut' })}>
            {t('signOut')}
          </button>
        </div>
      )}
    </section>
  );
}
