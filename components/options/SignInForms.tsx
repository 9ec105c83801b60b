// The ways to sign in while signed out (issue 15): with the company account
// (the browser's sign-in window), with an invite's one-time code, or with a
// token (scripts and IT). IT's managed `signInMethod` leaves only that one;
// a managed `team` fills and locks the team. Each request goes to the
// background, which alone receives Baton's token.
import { useState, type FormEvent, type ReactNode } from 'react';
import { sendRuntime } from '@/extension/messaging/channel';
import type { RuntimeRequest } from '@/extension/messaging/messages';
import type { SignInMethod } from '@/lib/settings/managed-config';
import { LockedNote } from '../shared/ManagedServerPointer';
import { useT } from '../shared/i18n';

type Request = RuntimeRequest<'auth:company'> | RuntimeRequest<'auth:code'> | RuntimeRequest<'sync:signIn'>;

/** One sign-in at a time: which is under way, and the last failure. */
function useSignIn() {
  const [busy, setBusy] = useState<Request['type'] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const run = (request: Request) => async (e: FormEvent) => {
    e.preventDefault();
    setBusy(request.type);
    setMessage(null);
    const r = await sendRuntime(request);
    setBusy(null);
    if (!r.ok) setMessage(r.message);
  };
  return { busy, message, run };
}

function Submit({ busy, disabled, action, children }: { busy: boolean; disabled: boolean; action: string; children: ReactNode }) {
  return (
    <button type="submit" className="primary" data-action={action} disabled={disabled} aria-busy={busy}>
      {busy && <span className="spinner" aria-hidden="true" />} {children}
    </button>
  );
}

export function SignInForms({ serverUrl, method, managedTeam }: { serverUrl: string; method: SignInMethod | undefined; managedTeam: string | undefined }) {
  const t = useT();
  const { busy, message, run } = useSignIn();
  const [team, setTeam] = useState('1');
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [token, setToken] = useState('');
  const offers = (m: SignInMethod) => method === undefined || method === m;
  const teamRef = managedTeam ?? team.trim();
  return (
    <div className="signin">
      {offers('oidc') && (
        <form onSubmit={run({ type: 'auth:company', serverUrl, team: /^\d+$/.test(teamRef) ? Number(teamRef) : teamRef })} aria-labelledby="company-h">
          <h3 id="company-h">{t('signIn.company')}</h3>
          <label className="field">
            <span>{t('signIn.team')}</span>
            <input data-field="team" required value={teamRef} readOnly={managedTeam !== undefined} onChange={(e) => setTeam(e.target.value)} aria-describedby="team-hint" />
            {managedTeam !== undefined ? <LockedNote field="team" /> : <small id="team-hint" className="muted">{t('signIn.teamHint')}</small>}
          </label>
          <Submit busy={busy === 'auth:company'} disabled={busy !== null} action="sign-in-company">
            {t('signIn.company')}
          </Submit>
          {busy === 'auth:company' && (
            <p className="muted" role="status" data-field="signin-progress">
              {t('signIn.waitingProvider')}
            </p>
          )}
        </form>
      )}
      {offers('code') && (
        <form onSubmit={run({ type: 'auth:code', serverUrl, email, code })} aria-labelledby="code-h">
          <h3 id="code-h">{t('signIn.withCode')}</h3>
          <label className="field">
            <span>{t('signIn.email')}</span>
            <input data-field="signin-email" type="email" required autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('signIn.code')}</span>
            <input data-field="signin-code" required autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
          </label>
          <Submit busy={busy === 'auth:code'} disabled={busy !== null} action="sign-in-code">
            {t('signIn.withCode')}
          </Submit>
        </form>
      )}
      {offers('token') && (
        <form onSubmit={run({ type: 'sync:signIn', serverUrl, token })} aria-labelledby="token-h">
          <h3 id="token-h">{t('signIn.withToken')}</h3>
          <label className="field">
            <span>{t('token')}</span>
            <input data-field="token" type="password" required autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
          </label>
          <Submit busy={busy === 'sync:signIn'} disabled={busy !== null} action="sign-in-token">
            {t('signIn')}
          </Submit>
        </form>
      )}
      {message && (
        <p className="errors" role="alert" data-field="signin-error">
          {message}
        </p>
      )}
    </div>
  );
}
