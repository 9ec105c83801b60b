// My claim of this account: until when, the rule it runs under, the next
// ladder stage to log with evidence, the one extension; the customer's other
// names (link another one: look-ups and claims of it then find this customer);
// and the history the customer came with (earlier holders, how each ended,
// stage evidence, conflicts).
import { useEffect, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { aliasesAnswerSchema, claimHistorySchema, type LookupAnswer } from '@/lib/claims/api-responses';
import { ConfirmAction } from '../shared/ConfirmAction';
import { useT } from '../shared/i18n';
import { dbClient } from './db-client';

/** A claim of mine as the look-up answers it (lib/claims/api-responses.ts). */
export type MineState = Extract<LookupAnswer, { status: 'mine' }>;

type Answer = { status: number; json: unknown };
type Run = (run: () => Promise<Answer>, ok: number[], done?: 'alias.added') => Promise<void>;
type Earlier = z.infer<typeof claimHistorySchema>['earlier'][number];

const call = (method: 'GET' | 'POST', path: string, body?: unknown) => () => dbClient.request({ type: 'claim:call', method, path, body });

function History({ claimId, date }: { claimId: number; date: (iso?: string) => string }) {
  const t = useT();
  const [earlier, setEarlier] = useState<Earlier[]>([]);
  useEffect(() => {
    void call('GET', `/v1/claims/${claimId}/history`)().then((r) => r.status === 200 && setEarlier(claimHistorySchema.safeParse(r.json).data?.earlier ?? []));
  }, [claimId]);
  if (!earlier.length) return null;
  return (
    <details className="small" data-field="claim-history" data-value={earlier.length}>
      <summary>{t('claim.history', { count: earlier.length })}</summary>
      <ul>
        {earlier.map((e) => (
          <li key={e.claimId}>
            {e.holder?.name ?? t('claim.history.someone')} ·{' '}
            {t('claim.historyRow', { from: date(e.claimedAt), to: `${date(e.ended.at ?? undefined)} (${t(`claim.history.ended.${e.ended.how}`)})`, stages: e.stages.map((s) => `${t(`claim.stage.${s.stage}`)} ${date(s.at)}: ${s.evidence}`).join('; ') || '—' })}
            {e.conflicts.map((c, i) => (
              <div key={i} className="muted">
                ⚑ {c.evidence}
              </div>
            ))}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Aliases({ accountName, act, busy }: { accountName: string; act: Run; busy: boolean }) {
  const t = useT();
  const [names, setNames] = useState<string[]>([]);
  const [alias, setAlias] = useState('');
  const load = () =>
    void call('GET', `/v1/claims/aliases?kind=company&value=${encodeURIComponent(accountName)}`)().then((r) => {
      const list = r.status === 200 ? (aliasesAnswerSchema.safeParse(r.json).data ?? null) : null;
      if (list) setNames(list.aliases.filter((a) => !a.removedAt).map((a) => a.names[a.keys[0] === list.key ? 1 : 0]!));
    });
  useEffect(load, [accountName]);
  return (
    <form
      className="stage"
      data-field="claim-aliases"
      onSubmit={(e) => {
        e.preventDefault();
        if (!alias.trim()) return;
        void act(call('POST', '/v1/claims/aliases', { key: { kind: 'company', value: accountName }, alias: { kind: 'company', value: alias.trim() } }), [201], 'alias.added').then(() => {
          setAlias('');
          load();
        });
      }}
    >
      {names.length > 0 && <p className="muted small">{t('alias.list', { names: names.join(' · ') })}</p>}
      <LineAndSend label={<span className="small">{t('alias.heading')}</span>} value={alias} setValue={setAlias} placeholder={t('alias.placeholder')} maxLength={300} inputField="claim-alias" busy={busy} send={t('alias.add')} />
    </form>
  );
}

/** A labelled one-line text input and its send button, disabled while blank or busy. */
function LineAndSend(p: { label: ReactNode; labelField?: string; value: string; setValue: (v: string) => void; placeholder: string; maxLength: number; inputField: string; busy: boolean; send: string }) {
  return (
    <>
      <label data-field={p.labelField}>
        {p.label}
        <input value={p.value} onChange={(e) => p.setValue(e.target.value)} placeholder={p.placeholder} maxLength={p.maxLength} data-field={p.inputField} />
      </label>
      <button type="submit" disabled={p.busy || !p.value.trim()}>
        {p.send}
      </button>
    </>
  );
}

export function ClaimMine({ state, accountName, act, busy, date }: { state: MineState; accountName: string; act: Run; busy: boolean; date: (iso?: string) => string }) {
  const t = useT();
  const [evidence, setEvidence] = useState('');
  return (
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
            if (evidence.trim()) void act(call('POST', `/v1/claims/${state.claimId}/stages`, { stage: state.nextStage!.stage, evidence }), [200]).then(() => setEvidence(''));
          }}
        >
          <LineAndSend
            labelField="claim-next-stage"
            label={t('claim.nextStage', { stage: t(`claim.stage.${state.nextStage.stage}`), days: state.nextStage.days })}
            value={evidence}
            setValue={setEvidence}
            placeholder={t('claim.evidence')}
            maxLength={2000}
            inputField="claim-evidence"
            busy={busy}
            send={t('claim.logStage')}
          />
        </form>
      )}
      {state.extension === 'available' ? (
        <ConfirmAction action="extension" question={t('confirm.extension')} onConfirm={() => void act(call('POST', `/v1/claims/${state.claimId}/extension`), [200])}>
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
      <Aliases accountName={accountName} act={act} busy={busy} />
      <History claimId={state.claimId} date={date} />
    </>
  );
}
