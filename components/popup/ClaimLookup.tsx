// "Is this customer free, protected, or in the pool?" — answers as the rep
// types a company, phone or email: from the cache of my claims at once (same
// normalisation as the server), then from the server.
import { useEffect, useState } from 'react';
import { claimKey, type KeyErrorCode, type KeyRules } from '@/lib/claims/claim-key';
import { guessKeyKind } from '@/lib/claims/guess-kind';
import { db } from '@/extension/db/database';
import { cachedKeyRules } from '@/extension/db/pending-claims';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLocale, useT } from '../shared/i18n';
import { errorText, serverApi } from '../shared/server-api';

type Answer = { status: 'free' | 'mine' | 'taken' | 'pool' | 'invalid' | 'offline'; until?: string; since?: string; holder?: { name: string }; source: 'cache' | 'server'; message?: string; code?: KeyErrorCode };

export function ClaimLookup() {
  const t = useT();
  const locale = useLocale();
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [busy, setBusy] = useState(false);
  // By value: the live query hands a new object after every sync, which must not restart the look-up.
  const rulesJson = useLiveQuery(async () => JSON.stringify(await cachedKeyRules(db())), []);

  useEffect(() => {
    const value = text.trim();
    setAnswer(null);
    if (!value) return;
    const kind = guessKeyKind(value);
    if (!rulesJson) return;
    const rules = JSON.parse(rulesJson) as KeyRules;
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
      const r = await serverApi<Answer>('GET', `/v1/claims/lookup?kind=${kind}&value=${encodeURIComponent(value)}`);
      if (cancelled) return;
      setBusy(false);
      if (r.ok) setAnswer({ ...r.json, source: 'server' });
      else setAnswer((a) => a ?? { status: 'offline', source: 'server', message: errorText(r, locale) });
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [text, rulesJson, locale]);

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
        onChange={(e) => setText(e.target.value)}
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
