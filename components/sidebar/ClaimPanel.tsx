// The claim panel for the deal's account: free / mine (until) / someone
// else's (until when) / in the pool, with a one-click claim whose keys come
// from the deal snapshot. Answers come from the server through the background.
import { useCallback, useEffect, useState } from 'react';
import { useLocale, useT } from '../shared/i18n';
import { useSyncStatus } from '../shared/use-sync-status';
import { dbClient } from './db-client';

type Lookup = { status: 'free' | 'mine' | 'taken' | 'pool'; until?: string; since?: string; holder?: { name: string } };

export function ClaimPanel({ accountName }: { accountName: string | null }) {
  const t = useT();
  const locale = useLocale();
  const sync = useSyncStatus();
  const [state, setState] = useState<Lookup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signedIn = !!sync.user;

  const check = useCallback(async () => {
    if (!accountName || !signedIn) return;
    const r = await dbClient.request({ type: 'claim:lookup', kind: 'company', value: accountName });
    if (r.status === 200) setState(r.json as Lookup);
    else setError((r.json as { error?: { message?: string } })?.error?.message ?? String(r.status));
  }, [accountName, signedIn]);

  useEffect(() => {
    setState(null);
    setError(null);
    void check();
  }, [check]);

  if (!accountName) return null;
  const date = (iso?: string) => (iso ? new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : '');
  return (
    <section className="claim" aria-label={t('claim.heading')} data-field="claim" data-value={state?.status ?? ''}>
      <strong>{t('claim.heading')}</strong>{' '}
      {!signedIn ? (
        <span className="muted">{t('claim.signIn')}</span>
      ) : !state ? (
        <span className="muted">
          <span className="spinner" aria-hidden="true" /> {t('claim.checking')}
        </span>
      ) : state.status === 'mine' ? (
        <span className="okmsg">{t('claim.mine', { until: date(state.until) })}</span>
      ) : state.status === 'taken' ? (
        <span className="reason">{state.holder ? t('claim.taken', { holder: state.holder.name, until: date(state.until) }) : t('claim.takenAnon', { until: date(state.until) })}</span>
      ) : (
        <>
          <span>{state.status === 'pool' ? t('claim.pool', { since: date(state.since) }) : t('claim.free', { name: accountName })}</span>{' '}
          <button
            type="button"
            data-field="claim-button"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              setError(null);
              const r = await dbClient.request({ type: 'claim:create', customer: accountName, keys: [{ kind: 'company', value: accountName }] });
              setBusy(false);
              if (r.status !== 201) setError((r.json as { error?: { message?: string } })?.error?.message ?? String(r.status));
              await check();
            }}
          >
            {busy && <span className="spinner" aria-hidden="true" />} {t('claim.claim', { name: accountName })}
          </button>
        </>
      )}
      {error && (
        <p className="reason" role="alert">
          {t('claim.refused', { message: error })}
        </p>
      )}
    </section>
  );
}
