// What saving the custom adapter did, as the admin sees it.
import { useT } from '../shared/i18n';
import type { SaveOutcome } from './save-adapter';

/** What saving did: the exact origins Baton now runs on, or why nothing was saved. */
export function AdapterSaveMessage({ outcome }: { outcome: SaveOutcome }) {
  const t = useT();
  if (!outcome.ok) {
    const text =
      outcome.reason === 'register-failed'
        ? t('adapterRegisterFailed', { error: outcome.detail })
        : t(outcome.reason === 'denied' ? 'permissionDenied' : 'adapterNoOrigins');
    return (
      <p className="warn" role="alert" data-field="adapter-save" data-value="error">
        {text}
      </p>
    );
  }
  return (
    <div role="status" className="okmsg" data-field="adapter-save" data-value="saved">
      <p>{t('adapterSaved')}</p>
      <p>{t('adapterGranted')}</p>
      <ul className="mono" data-field="adapter-origins">
        {outcome.origins.map((o) => (
          <li key={o} data-value={o}>
            {o}
          </li>
        ))}
      </ul>
    </div>
  );
}
