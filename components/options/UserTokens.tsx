// One person's tokens in the admin's people table: list them, revoke one,
// make one (its secret is shown once, to pass on).
import { useCallback, useState } from 'react';
import { useLocale, useT } from '../shared/i18n';
import { serverApi, type ServerAnswer } from '../shared/server-api';
import { newTokenAnswerSchema, tokensAnswerSchema, type TeamToken as Token } from '@/lib/sync/api-responses';


/** The "tokens" link and, while open, the user's tokens; onFail gets a failed answer of making one. */
export function UserTokens({ userId, open, onToggle, onFail }: { userId: number; open: boolean; onToggle: () => void; onFail: (r: ServerAnswer<unknown>) => void }) {
  const t = useT();
  const locale = useLocale();
  const [tokens, setTokens] = useState<Token[]>([]);
  const [fresh, setFresh] = useState<string | null>(null);
  const load = useCallback(async () => {
    const r = await serverApi('GET', `/v1/users/${userId}/tokens`, undefined, tokensAnswerSchema);
    if (r.ok) setTokens(r.json.tokens);
  }, [userId]);

  const make = async () => {
    const r = await serverApi('POST', `/v1/users/${userId}/tokens`, { label: new Date().toISOString().slice(0, 10) }, newTokenAnswerSchema);
    if (r.ok) setFresh(r.json.token);
    else onFail(r);
    await load();
  };

  return (
    <>
      <button
        type="button"
        className="link"
        onClick={() => {
          onToggle();
          setFresh(null);
          void load();
        }}
      >
        {t('users.tokens')}
      </button>
      {open && (
        <div className="tokens" data-field="tokens">
          {tokens.map((k) => (
            <div key={k.id} data-token-id={k.id}>
              #{k.id} {k.label} · {new Date(k.createdAt).toLocaleDateString(locale)}{' '}
              {k.revokedAt ? (
                <span className="muted">{t('users.revoked')}</span>
              ) : (
                <button type="button" className="link" onClick={async () => (await serverApi('DELETE', `/v1/tokens/${k.id}`), void load())}>
                  {t('users.revoke')}
                </button>
              )}
            </div>
          ))}
          <button type="button" data-field="new-token" onClick={() => void make()}>
            {t('users.newToken')}
          </button>
          {fresh !== null && (
            <p className="warn">
              {t('users.tokenOnce')} <code className="mono" data-field="fresh-token">{fresh}</code>
            </p>
          )}
        </div>
      )}
    </>
  );
}
