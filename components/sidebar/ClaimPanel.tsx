// The claim panel for the deal's account: free / mine (until when, the next
// ladder stage to log and what it adds, the extension) / someone else's (until
// when; dispute it) / in the pool (claim it, if the territory rules allow) /
// pending (claimed offline). Keys come from the deal snapshot, plus any the
// rep types, read with the team's key rules; answers come from the server
// through the background. Refusals say which rule and until when.
import { memo, useCallback, useEffect, useState } from 'react';
import type { MessageKey } from '@/lib/i18n/translate';
import { ConfirmAction } from '../shared/ConfirmAction';
import { useLocale, useT } from '../shared/i18n';
import { errorText } from '../shared/server-api';
import { useSyncStatus } from '../shared/use-sync-status';
import { claimKeysFor } from './claim-keys-for';
import { ClaimExtraKeys, extraKey, type ExtraKeys } from './ClaimExtraKeys';
import { ClaimMine } from './ClaimMine';
import { lookupAnswerSchema, type LookupAnswer } from '@/lib/claims/api-responses';
import { errorOfBody } from '@/lib/i18n/api-errors';
import { describeIssues } from '@/extension/messaging/message-map';
import { useKeyRules } from './use-template';
import { dbClient } from './db-client';

type Lookup = LookupAnswer;

type Answer = { status: number; json: unknown };
type Refusal = { code: string; text: string };
const codeOf = (r: Answer) => errorOfBody(r.json)?.code ?? String(r.status);

/** Memoized: its props change with the deal, not with each keystroke in the packet editor (issue 14: the keystroke's render is on the autosave's way). */
export const ClaimPanel = memo(function ClaimPanel({ accountName, dealUrl, contacts }: { accountName: string | null; dealUrl?: string; contacts?: { phones: string[]; emails: string[] } }) {
  const keyRules = useKeyRules();
  const t = useT();
  const locale = useLocale();
  const sync = useSyncStatus();
  const [state, setState] = useState<Lookup | null>(null);
  const [error, setError] = useState<Refusal | null>(null);
  const [extra, setExtra] = useState<ExtraKeys>({ text: '', line: '' });
  const [info, setInfo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signedIn = !!sync.user;

  const check = useCallback(async () => {
    if (!accountName || !signedIn) return;
    const r = await dbClient.request({ type: 'claim:lookup', kind: 'company', value: accountName });
    const answer = r.status === 200 ? lookupAnswerSchema.safeParse(r.json) : null;
    if (answer?.success) setState(answer.data);
    else if (answer) setError({ code: 'malformed', text: errorText({ status: r.status, error: { code: 'malformed', message: describeIssues(answer.error) } }, locale) });
    else setError({ code: codeOf(r), text: errorText(r, locale) });
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
    if (!ok.includes(r.status)) setError({ code: codeOf(r), text: errorText(r, locale, { form: 'claim' }) });
    else if (done) setInfo(t(done));
    if (r.status === 202) setState({ status: 'pending' });
    else await check();
  };

  const date = (iso?: string) => (iso ? new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : '');
  if (!accountName) return null;
  const typed = extraKey(extra.text, keyRules);
  const keys = [...claimKeysFor(accountName, keyRules, contacts), ...(typed.key ? [typed.key] : [])].slice(0, 10);
  const line = extra.line.trim() ? { line: extra.line.trim() } : {};
  const claimButton = (fromPool: boolean) => (
    <ConfirmAction
      action="claim"
      question={t('confirm.claim', { name: accountName })}
      onConfirm={() =>
        void act(
          () =>
            fromPool
              ? dbClient.request({ type: 'claim:call', method: 'POST', path: '/v1/claims/pool', body: { customer: accountName, keys, ...line, ...(dealUrl ? { dealUrl } : {}) } })
              : dbClient.request({ type: 'claim:create', customer: accountName, keys, ...line, ...(dealUrl ? { dealUrl } : {}) }),
          [201, 202],
        )
      }
    >
      {(ask, asking) => (
        <button type="button" data-field="claim-button" disabled={busy || asking || !!typed.error} onClick={ask}>
          {busy && <span className="spinner" aria-hidden="true" />} {t('claim.claim', { name: accountName })}
        </button>
      )}
    </ConfirmAction>
  );

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
        <ClaimMine state={state} accountName={accountName} act={act} busy={busy} date={date} />
      ) : state.status === 'taken' ? (
        <ClaimTaken state={state} act={act} busy={busy} date={date} canDispute={sync.user?.role !== 'csm'} />
      ) : state.status === 'pool' ? (
        <>
          <span>{t('claim.pool', { since: date(state.since) })}</span> {state.mayClaim && claimButton(true)}
        </>
      ) : (
        <>
          <span>{t('claim.free', { name: accountName })}</span> {claimButton(false)}
          <ClaimExtraKeys value={extra} onChange={setExtra} rules={keyRules} />
        </>
      )}
      {info && (
        <p className="okmsg" role="status">
          {info}
        </p>
      )}
      {error && (
        <p className="reason" role="alert" data-field="claim-error" data-value={error.code}>
          {error.text}
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
});

/** Someone else's claim: until when (and by whom, unless a partner asks); dispute it with evidence. */
function ClaimTaken({ state, act, busy, date, canDispute }: { state: Extract<Lookup, { status: 'taken' }>; act: (run: () => Promise<Answer>, ok: number[], done?: MessageKey) => Promise<void>; busy: boolean; date: (iso?: string) => string; canDispute: boolean }) {
  const t = useT();
  const [evidence, setEvidence] = useState('');
  return (
    <>
      <span className="reason">{state.holder ? t('claim.taken', { holder: state.holder.name, until: date(state.until) }) : t('claim.takenAnon', { until: date(state.until) })}</span>
      {/* Disputes are between the people who sell; a CSM has no claim to defend. */}
      {state.claimId !== undefined && canDispute && (
        <form
          className="stage"
          onSubmit={(e) => {
            e.preventDefault();
            if (evidence.trim()) void act(() => dbClient.request({ type: 'claim:call', method: 'POST', path: `/v1/claims/${state.claimId}/conflicts`, body: { evidence } }), [201], 'claim.disputeSent').then(() => setEvidence(''));
          }}
        >
          <input value={evidence} onChange={(e) => setEvidence(e.target.value)} placeholder={t('claim.evidence')} maxLength={4000} aria-label={t('claim.evidence')} />
          <button type="submit" disabled={busy || !evidence.trim()} data-field="claim-dispute">
            {t('claim.dispute')}
          </button>
        </form>
      )}
    </>
  );
}
