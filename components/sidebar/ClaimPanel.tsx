// The claim panel for the deal's account: free / mine (until when, the next
// ladder stage to log and what it adds, the extension) / someone else's (until
// when; dispute it) / in the pool (claim it, if the territory rules allow) /
// pending (claimed offline). Keys come from the deal snapshot; answers come
// from the server through the background.
import { useCallback, useEffect, useState } from 'react';
import type { ClaimPolicy, LadderStage } from '@/lib/claims/policy';
import type { MessageKey } from '@/lib/i18n/translate';
import { ConfirmAction } from '../shared/ConfirmAction';
import { useLocale, useT } from '../shared/i18n';
import { errorText } from '../shared/server-api';
import { useSyncStatus } from '../shared/use-sync-status';
import { claimKeysFor } from './claim-keys-for';
import { useKeyRules } from './use-template';
import { dbClient } from './db-client';

type Lookup =
  | { status: 'free' }
  | { status: 'pending' }
  | { status: 'pool'; since: string; mayClaim: boolean; refusal?: { code: string; until?: string; department?: string | null } }
  | { status: 'taken'; until: string; claimId?: number; holder?: { name: string } }
  | {
      status: 'mine';
      until: string;
      claimId: number;
      nextStage: { stage: LadderStage; days: number } | null;
      extension: 'available' | 'requested' | 'approved' | 'denied';
      policy?: Pick<ClaimPolicy, 'version' | 'mode' | 'flatDays' | 'extensionDays'> & { ladder: { initialDays: number } };
    };

type Answer = { status: number; json: unknown };

export function ClaimPanel({ accountName, dealUrl, contacts }: { accountName: string | null; dealUrl?: string; contacts?: { phones: string[]; emails: string[] } }) {
  const keyRules = useKeyRules();
  const t = useT();
  const locale = useLocale();
  const sync = useSyncStatus();
  const [state, setState] = useState<Lookup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [evidence, setEvidence] = useState('');
  const signedIn = !!sync.user;

  const check = useCallback(async () => {
    if (!accountName || !signedIn) return;
    const r = await dbClient.request({ type: 'claim:lookup', kind: 'company', value: accountName });
    if (r.status === 200) setState(r.json as Lookup);
    else setError(errorText(r, locale));
  }, [accountName, signedIn, locale]);

  useEffect(() => {
    setState(null);
    setError(null);
    setInfo(null);
    void check();
  }, [check]);

  /** Runs one command, shows its refusal if any, then looks again. */
  const act = async (run: () => Promise<Answer>, ok: number[], done?: MessageKey) => {
    setBusy(true);
    setError(null);
    setInfo(null);
    const r = await run();
    setBusy(false);
    if (!ok.includes(r.status)) setError(errorText(r, locale, { form: 'claim' }));
    else {
      setEvidence('');
      if (done) setInfo(t(done));
    }
    if (r.status === 202) setState({ status: 'pending' });
    else await check();
  };

  if (!accountName) return null;
  const date = (iso?: string) => (iso ? new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : '');
  const keys = claimKeysFor(accountName, keyRules, contacts);
  const claimButton = (fromPool: boolean) => (
    <ConfirmAction
      action="claim"
      question={t('confirm.claim', { name: accountName })}
      onConfirm={() =>
        void act(
          () =>
            fromPool
              ? dbClient.request({ type: 'claim:call', method: 'POST', path: '/v1/claims/pool', body: { customer: accountName, keys, ...(dealUrl ? { dealUrl } : {}) } })
              : dbClient.request({ type: 'claim:create', customer: accountName, keys, ...(dealUrl ? { dealUrl } : {}) }),
          [201, 202],
        )
      }
    >
      {(ask, asking) => (
        <button type="button" data-field="claim-button" disabled={busy || asking} onClick={ask}>
          {busy && <span className="spinner" aria-hidden="true" />} {t('claim.claim', { name: accountName })}
        </button>
      )}
    </ConfirmAction>
  );
  const call = (path: string, body?: unknown) => () => dbClient.request({ type: 'claim:call', method: 'POST', path, body });

  return (
    <section className="claim" aria-label={t('claim.heading')} data-field="claim" data-value={state?.status ?? ''}>
      <strong>{t('claim.heading')}</strong>{' '}
      {!signedIn ? (
        <span className="muted">{t('claim.signIn')}</span>
      ) : !state ? (
        <span className="muted">
          <span className="spinner" aria-hidden="true" /> {t('claim.checking')}
        </span>
      ) : state.status === 'pending' ? (
        <span className="muted" data-field="claim-pending">
          {t('claim.pending')}
        </span>
      ) : state.status === 'mine' ? (
        <>
          <span className="okmsg">{t('claim.mine', { until: date(state.until) })}</span>
          {state.policy && (
            <p className="muted small" data-field="claim-rule">
              {t(state.policy.mode === 'flat' ? 'claim.rule.flat' : 'claim.rule.ladder', {
                version: state.policy.version,
                days: state.policy.mode === 'flat' ? state.policy.flatDays : state.policy.ladder.initialDays,
                ext: state.policy.extensionDays,
              })}
            </p>
          )}
          {state.nextStage && (
            <form
              className="stage"
              onSubmit={(e) => {
                e.preventDefault();
                if (evidence.trim()) void act(call(`/v1/claims/${state.claimId}/stages`, { stage: state.nextStage!.stage, evidence }), [200]);
              }}
            >
              <label data-field="claim-next-stage">
                {t('claim.nextStage', { stage: t(`claim.stage.${state.nextStage.stage}`), days: state.nextStage.days })}
                <input value={evidence} onChange={(e) => setEvidence(e.target.value)} placeholder={t('claim.evidence')} maxLength={2000} data-field="claim-evidence" />
              </label>
              <button type="submit" disabled={busy || !evidence.trim()}>
                {t('claim.logStage')}
              </button>
            </form>
          )}
          {state.extension === 'available' ? (
            <ConfirmAction action="extension" question={t('confirm.extension')} onConfirm={() => void act(call(`/v1/claims/${state.claimId}/extension`), [200])}>
              {(ask, asking) => (
                <button type="button" className="link" disabled={busy || asking} data-field="claim-extension" onClick={ask}>
                  {t('claim.requestExtension')}
                </button>
              )}
            </ConfirmAction>
          ) : (
            <span className="muted small" data-field="claim-extension" data-value={state.extension}>
              {' '}
              {t(`claim.extension.${state.extension}`)}
            </span>
          )}
        </>
      ) : state.status === 'taken' ? (
        <>
          <span className="reason">{state.holder ? t('claim.taken', { holder: state.holder.name, until: date(state.until) }) : t('claim.takenAnon', { until: date(state.until) })}</span>
          {/* Disputes are between the people who sell; a CSM has no claim to defend. */}
          {state.claimId !== undefined && sync.user?.role !== 'csm' && (
            <form
              className="stage"
              onSubmit={(e) => {
                e.preventDefault();
                if (evidence.trim()) void act(call(`/v1/claims/${state.claimId}/conflicts`, { evidence }), [201], 'claim.disputeSent');
              }}
            >
              <input value={evidence} onChange={(e) => setEvidence(e.target.value)} placeholder={t('claim.evidence')} maxLength={4000} aria-label={t('claim.evidence')} />
              <button type="submit" disabled={busy || !evidence.trim()} data-field="claim-dispute">
                {t('claim.dispute')}
              </button>
            </form>
          )}
        </>
      ) : state.status === 'pool' ? (
        <>
          <span>{t('claim.pool', { since: date(state.since) })}</span> {state.mayClaim && claimButton(true)}
        </>
      ) : (
        <>
          <span>{t('claim.free', { name: accountName })}</span> {claimButton(false)}
        </>
      )}
      {info && (
        <p className="okmsg" role="status">
          {info}
        </p>
      )}
      {error && (
        <p className="reason" role="alert">
          {t('claim.refused', { message: error })}
        </p>
      )}
      {state?.status === 'pool' && !state.mayClaim && state.refusal && !error && (
        <p className="reason" role="note" data-field="claim-pool-refusal" data-value={state.refusal.code}>
          {state.refusal.code === 'pool_cooldown'
            ? t('claim.pool.cooldown', { until: date(state.refusal.until) })
            : state.refusal.code === 'pool_department' && state.refusal.department
              ? t('claim.pool.department', { department: state.refusal.department })
              : t('claim.pool.closed')}
        </p>
      )}
    </section>
  );
}
