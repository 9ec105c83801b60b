// Server address and token sign-in. The token goes to the background, which
// keeps it in the extension's IndexedDB; the content script never sees it.
import { useState } from 'react';
import { sendRuntime } from '@/extension/messaging/channel';
import { SyncStatusLine } from '../shared/SyncStatusLine';
import { useLocale, useT } from '../shared/i18n';
import { useSyncStatus } from '../shared/use-sync-status';
import { LockedNote } from '../shared/ManagedServerPointer';
import { useManaged } from '../shared/use-managed';
import { ManagedSettings } from './ManagedSettings';

export function ServerSignIn() {
  const t = useT();
  const locale = useLocale();
  const status = useSyncStatus();
  const [typedUrl, setUrl] = useState('http://127.0.0.1:8787');
  // The organization's server, when its policy sets one, is the only address (locked).
  const managedUrl = useManaged().config.serverUrl;
  const url = managedUrl ?? typedUrl;
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
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
        <form
          className="signin"
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            setMessage(null);
            const r = await sendRuntime({ type: 'sync:signIn', serverUrl: url, token });
            setBusy(false);
            if (!r.ok) setMessage(r.message ?? 'failed');
            else setToken('');
          }}
        >
          <label className="field">
            <span>{t('serverUrl')}</span>
            <input data-field="server-url" type="url" required value={url} readOnly={managedUrl !== undefined} onChange={(e) => setUrl(e.target.value)} />
            {managedUrl && <LockedNote field="serverUrl" />}
          </label>
          <label className="field">
            <span>{t('token')}</span>
            <input data-field="token" type="password" required autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={busy}>
            {busy && <span className="spinner" aria-hidden="true" />} {t('signIn')}
          </button>
          {message && (
            <p className="errors" role="alert">
              {message}
            </p>
          )}
        </form>
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
