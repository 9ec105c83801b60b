// A manager's queue: extension requests to approve or deny, and open conflicts
// to rule (owner and who gets which part of the credit, split by default as
// the claim's policy says).
import { useCallback, useEffect, useState } from 'react';
import { sendRuntime } from '@/extension/messaging/channel';
import type { ClaimPolicy } from '@/lib/claims/policy';
import { useLocale, useT } from '../shared/i18n';
import { errorText, serverApi } from '../shared/server-api';
import { extensionRequestsAnswerSchema, openConflictsAnswerSchema, policyAnswerSchema, type ExtensionRequest as TeamClaim, type OpenConflict as Conflict } from '@/lib/claims/api-responses';
import { usersAnswerSchema, type TeamUser as User } from '@/lib/sync/api-responses';


const PARTS = ['firstTouch', 'process', 'signing'] as const;

export function ClaimRequests() {
  const t = useT();
  const locale = useLocale();
  const [extensions, setExtensions] = useState<TeamClaim[] | null>(null);
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const [users, setUsers] = useState<User[]>([]);
  const [split, setSplit] = useState<ClaimPolicy['creditSplit']>({ firstTouch: 20, process: 60, signing: 20 });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [e, c, u, p] = await Promise.all([
      serverApi('GET', '/v1/claims?scope=team&extension=requested&limit=500', undefined, extensionRequestsAnswerSchema),
      serverApi('GET', '/v1/claims/conflicts?state=open&limit=500', undefined, openConflictsAnswerSchema),
      serverApi('GET', '/v1/users?limit=200', undefined, usersAnswerSchema),
      serverApi('GET', '/v1/claims/policy', undefined, policyAnswerSchema),
    ]);
    if (e.ok) setExtensions(e.json.claims);
    if (c.ok) setConflicts(c.json.conflicts);
    if (u.ok) setUsers(u.json.users);
    if (p.ok) setSplit(p.json.policy.creditSplit);
    const failed = [e, c, u].find((r) => !r.ok);
    setError(failed ? errorText(failed, locale) : null);
  }, [locale]);
  useEffect(() => void load(), [load]);

  const run = async (id: string, method: 'POST', path: string, body?: unknown) => {
    setBusy(id);
    const r = await serverApi(method, path, body);
    setBusy(null);
    setError(r.ok ? null : errorText(r, locale, { input: body }));
    await load();
    // The popup's "needs me" counts come from the next sync: run it now.
    void sendRuntime({ type: 'sync:now' }).catch(() => undefined);
  };
  const name = (id: number) => users.find((u) => u.id === id)?.name ?? `#${id}`;
  const date = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <>
      <h3>{t('approvals.heading')}</h3>
      {extensions === null ? (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> {t('loading')}
        </p>
      ) : extensions.length === 0 ? (
        <p className="muted">{t('approvals.none')}</p>
      ) : (
        <ul className="queue">
          {extensions.map((c) => (
            <li key={c.id} data-extension-claim={c.id}>
              <strong>{c.customer}</strong> · {name(c.userId)} · {date(c.expiresAt)}{' '}
              <button type="button" disabled={!!busy} onClick={() => void run(`a${c.id}`, 'POST', `/v1/claims/${c.id}/extension/approve`)}>
                {t('approvals.approve')}
              </button>{' '}
              <button type="button" disabled={!!busy} onClick={() => void run(`d${c.id}`, 'POST', `/v1/claims/${c.id}/extension/deny`)}>
                {t('approvals.deny')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('conflicts.heading')}</h3>
      {conflicts === null ? null : conflicts.length === 0 ? (
        <p className="muted">{t('conflicts.none')}</p>
      ) : (
        <ul className="queue">
          {conflicts.map((c) => (
            <ConflictRuling key={c.id} conflict={c} split={split} busy={!!busy} onRule={(body) => void run(`r${c.id}`, 'POST', `/v1/claims/conflicts/${c.id}/rule`, body)} />
          ))}
        </ul>
      )}
      {error && (
        <p className="errors" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

function ConflictRuling({ conflict: c, split: initialSplit, busy, onRule }: { conflict: Conflict; split: ClaimPolicy['creditSplit']; busy: boolean; onRule: (body: unknown) => void }) {
  const t = useT();
  const parties = [c.holder, c.openedBy].filter((p): p is { userId: number; name: string } => !!p);
  const first = parties[0]?.userId ?? 0;
  const [owner, setOwner] = useState(first);
  const [credit, setCredit] = useState<Record<(typeof PARTS)[number], number>>({ firstTouch: c.openedBy?.userId ?? first, process: first, signing: first });
  const [split, setSplit] = useState<Record<(typeof PARTS)[number], string>>({ firstTouch: String(initialSplit.firstTouch), process: String(initialSplit.process), signing: String(initialSplit.signing) });
  const [note, setNote] = useState('');
  const who = (p: { name: string } | null) => p?.name ?? t('conflicts.someone');
  const picker = (value: number, set: (v: number) => void, label: string) => (
    <select aria-label={label} value={value} onChange={(e) => set(Number(e.target.value))}>
      {parties.map((p) => (
        <option key={p.userId} value={p.userId}>
          {p.name}
        </option>
      ))}
    </select>
  );
  return (
    <li data-conflict-id={c.id}>
      <strong>{c.customer}</strong> — {t('conflicts.between', { opener: who(c.openedBy), holder: who(c.holder) })}
      <blockquote className="evidence">{c.evidence}</blockquote>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onRule({ ownerUserId: owner, credit, split: { firstTouch: Number(split.firstTouch), process: Number(split.process), signing: Number(split.signing) }, note });
        }}
      >
        <label className="inline">
          {t('conflicts.owner')} {picker(owner, setOwner, t('conflicts.owner'))}
        </label>
        {PARTS.map((part) => (
          <label key={part} className="inline">
            {t(`conflicts.${part}`)} {picker(credit[part], (v) => setCredit({ ...credit, [part]: v }), t(`conflicts.${part}`))}
            <input className="pct" inputMode="numeric" aria-label={`${t(`conflicts.${part}`)} %`} value={split[part]} onChange={(e) => setSplit({ ...split, [part]: e.target.value })} />%
          </label>
        ))}
        <input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('conflicts.note')} aria-label={t('conflicts.note')} maxLength={4000} />
        <button type="submit" className="primary" disabled={busy || parties.length === 0}>
          {t('conflicts.rule')}
        </button>
      </form>
    </li>
  );
}
