// Managers and admins (options page → #webhooks): the team's chat robots, each
// with its last delivery, what waits, and the notices the tool refused with
// the tool's own message; "Send a test" shows the tool's answer at once. The
// signing secret can be replaced or cleared but is never shown (the server
// never returns it). Admins also set the team's chat identities (@mentions).
import { useCallback, useEffect, useState } from 'react';
import { useLocale, useT } from '../shared/i18n';
import { errorText, serverApi } from '../shared/server-api';
import { webhooksAnswerSchema, webhookTestAnswerSchema, type WebhookView } from '@/lib/webhooks/api-responses';
import { useSyncStatusOrNull } from '../shared/use-sync-status';
import { ChatIdentities } from './ChatIdentities';
import { WebhookAddForm } from './WebhookAddForm';


function WebhookRow({ hook, reload }: { hook: WebhookView; reload: () => Promise<void> }) {
  const t = useT();
  const locale = useLocale();
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [ok, setOk] = useState(false);
  const when = (iso: string) => new Date(iso).toLocaleString(locale);
  const tool = t(`webhooks.kind.${hook.kind}`);
  const test = async () => {
    setTesting(true);
    const r = await serverApi('POST', `/v1/webhooks/${hook.id}/test`, undefined, webhookTestAnswerSchema);
    setTesting(false);
    if (!r.ok) return (setOk(false), setResult(errorText(r, locale)));
    const { outcome, message } = r.json.result;
    setOk(outcome === 'delivered');
    setResult(outcome === 'delivered' ? t('webhooks.testOk') : t(outcome === 'failed' ? 'webhooks.testFailed' : 'webhooks.testRetry', { tool, message: message ?? '' }));
    await reload();
  };
  return (
    <li className="webhook" data-webhook-id={hook.id} data-kind={hook.kind}>
      <p>
        <strong>{hook.name || tool}</strong> <span className="muted">{tool}</span> <code className="mono">{hook.url}</code>
      </p>
      <p className="muted">
        {hook.hasSecret ? t('webhooks.secretSet') : t('webhooks.noSecret')}
        {hook.keyword ? ` · ${t('webhooks.keyword')}: ${hook.keyword}` : ''} · {hook.lastDeliveredAt ? t('webhooks.lastDelivered', { when: when(hook.lastDeliveredAt) }) : t('webhooks.neverDelivered')}
        {hook.pending ? ` · ${t('webhooks.pending', { count: hook.pending })}` : ''}
      </p>
      <div className="row">
        <button type="button" data-field="webhook-test" disabled={testing} onClick={() => void test()}>
          {testing ? t('webhooks.testing') : t('webhooks.test')}
        </button>
        {hook.hasSecret && (
          <button type="button" className="link" onClick={async () => (await serverApi('PATCH', `/v1/webhooks/${hook.id}`, { secret: null }), await reload())}>
            {t('webhooks.clearSecret')}
          </button>
        )}
        <button type="button" className="link" data-field="webhook-remove" onClick={async () => (await serverApi('DELETE', `/v1/webhooks/${hook.id}`), await reload())}>
          {t('webhooks.remove')}
        </button>
      </div>
      {result && (
        <p className={ok ? 'ok' : 'errors'} role="status" data-field="webhook-test-result" data-outcome={ok ? 'delivered' : 'refused'}>
          {result}
        </p>
      )}
      <details data-field="webhook-failures" open={hook.failedCount > 0}>
        <summary>{hook.failedCount ? t('webhooks.failures', { count: hook.failedCount }) : t('webhooks.noFailures')}</summary>
        <ul>
          {hook.failures.map((f) => (
            <li key={f.id} data-failure-id={f.id}>
              {t('webhooks.failureAt', { when: when(f.at), title: f.title })}: <span className="mono">{f.message}</span>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

export function WebhookCard() {
  const t = useT();
  const locale = useLocale();
  const role = useSyncStatusOrNull()?.user?.role;
  const [hooks, setHooks] = useState<WebhookView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const r = await serverApi('GET', '/v1/webhooks', undefined, webhooksAnswerSchema);
    if (!r.ok) return setError(errorText(r, locale));
    setHooks(r.json.webhooks);
    setError(null);
  }, [locale]);
  useEffect(() => void load(), [load]);
  return (
    <section className="card" id="webhooks" aria-labelledby="webhooks-h">
      <h2 id="webhooks-h">{t('webhooks.heading')}</h2>
      <p className="muted">{t('webhooks.intro')}</p>
      {hooks && !hooks.length && <p className="muted">{t('webhooks.none')}</p>}
      <ul className="webhooks">
        {hooks?.map((h) => (
          <WebhookRow key={h.id} hook={h} reload={load} />
        ))}
      </ul>
      {error && (
        <p className="errors" role="alert">
          {error}
        </p>
      )}
      <WebhookAddForm onAdded={load} />
      {role === 'admin' && <ChatIdentities />}
    </section>
  );
}
