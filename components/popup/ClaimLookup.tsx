// "Is this customer free, protected, or in the pool?" — answers as the rep
// types a company, phone or email: from the cache of my claims at once (same
// normalisation as the server), then from the server.
import { useEffect, useState } from 'react';
import type { KeyErrorCode } from '@/lib/claims/claim-key';
import { db } from '@/extension/db/database';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLocale, useT } from '../shared/i18n';

type LookupKeys = typeof import('./lookup-keys');
type Answer = { status: 'free' | 'mine' | 'taken' | 'pool' | 'invalid' | 'offline'; until?: string; since?: string; holder?: { name: string }; source: 'cache' | 'server'; message?: string; code?: KeyErrorCode };

export function ClaimLookup() {
  const t = useT();
  const locale = useLocale();
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [busy, setBusy] = useState(false);
  // Loaded when the rep starts typing, not at open (lookup-keys.ts): the lists render first.
  const [keys, setKeys] = useState<LookupKeys | null>(null);
  const loadKeys = () => {
    if (!keys) void import('./lookup-keys').then(setKeys);
  };
  // By value: the live query hands a new object after every sync, which must not restart the look-up.
  // Until the key rules have loaded there are none, and the look-up waits (as it does for the cached rules).
  const rulesJson = useLiveQuery(async () => (keys ? JSON.stringify(await keys.cachedKeyRules(db())) : undefined), [keys]);

  useEffect(() => {
    const value = text.trim();
    setAnswer(null);
    if (!value || !keys || !rulesJson) return;
    const { claimKey, guessKeyKind, keyRulesSchema, serverApi, lookupAnswerSchema, errorText } = keys;
    const kind = guessKeyKind(value);
    const rules = keyRulesSchema.parse(JSON.parse(rulesJson));
    const key = claimKey({ kind, value }, rules);
    if ('error' in key) {
      setAnswer({ status: 'invalid', source: 'cache', code: key.code });
      return;
    }
    let cancelled = false;
    // Cache first: one of my claims under the same normalised company name.
    void (async () => {
      if (key.kind === 'company') {
        const sameKey = (name: string) => {
          const k = claimKey({ kind: 'company', value: name }, rules);
          return 'key' in k && k.key === key.key;
        };
        const mine = (await db().claims.toArray()).find((c) => !c.releasedAt && !c.wonAt && sameKey(c.customer));
        if (mine && !cancelled) setAnswer({ status: 'mine', until: mine.expiresAt, source: 'cache' });
      }
    })();
    const timer = setTimeout(async () => {
      setBusy(true);
      const r = await serverApi('GET', `/v1/claims/lookup?kind=${kind}&value=${encodeURIComponent(value)}`, undefined, lookupAnswerSchema);
      if (cancelled) return;
      setBusy(false);
      // 'pending' is the sidebar's own state (a claim queued offline); the server never answers it.
      if (r.ok) setAnswer(r.json.status === 'pending' ? null : { ...r.json, source: 'server' });
      else setAnswer((a) => a ?? { status: 'offline', source: 'server', message: errorText(r, locale) });
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [text, keys, rulesJson, locale]);

  const date = (iso?: string) => (iso ? new Date(iso).toLocaleDateString(locale) : '');
  const text2 =
    !answer
      ? ''
      : answer.status === 'mine'
        ? t('claim.mine', { until: date(answer.until) })
        : answer.status === 'taken'
          ? answer.holder
            ? t('claim.taken', { holder: answer.holder.name, until: date(answer.until) })
            : t('claim.takenAnon', { until: date(answer.until) })
          : answer.status === 'pool'
            ? t('claim.pool', { since: date(answer.since) })
            : answer.status === 'free'
              ? t('claim.free', { name: text.trim() })
              : answer.code
                ? t(`claim.keyError.${answer.code}`)
                : (answer.message ?? '');
  return (
    <div className="lookup">
      <input
        type="search"
        data-field="lookup"
        placeholder={t('lookup.placeholder')}
        aria-label={t('lookup.placeholder')}
        value={text}
        onChange={(e) => {
          loadKeys();
          setText(e.target.value);
        }}
        autoFocus
      />
      {(busy || answer) && (
        <p className={`lookup-result lookup-${answer?.status ?? 'busy'}`} data-field="lookup-result" data-value={answer?.status ?? ''} role="status">
          {busy && <span className="spinner" aria-hidden="true" />} {text2}
        </p>
      )}
    </div>
  );
}
