// An admin defines an adapter for a CRM Baton does not know, as a JSON document:
// import, edit, export, validation errors by path (check-adapter.ts), host
// permission request, and a preview of what it reads on an open tab (AdapterPreview).
import { useEffect, useState } from 'react';
import { adapterDefinitionSchema } from '@/lib/crm/adapter-schema';
import { readStored } from '@/extension/messaging/storage';
import { CUSTOM_ADAPTERS } from '@/extension/messaging/storage-keys';
import { useT } from '../shared/i18n';
import { AdapterPreview } from './AdapterPreview';
import { AdapterSaveMessage } from './AdapterSaveMessage';
import { useCheckedAdapter } from './check-adapter';
import { grantedOrigins, saveAdapter, type SaveOutcome } from './save-adapter';

export function CustomAdapterEditor() {
  const t = useT();
  const [text, setText] = useState('');
  const [saved, setSaved] = useState<SaveOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const result = useCheckedAdapter(text);

  useEffect(() => {
    void readStored(CUSTOM_ADAPTERS).then((list) => {
      if (!list.length) return;
      setText(JSON.stringify(list[0], null, 2));
      // What the stored adapter runs on now (a grant can be withdrawn in the browser's settings).
      const parsed = adapterDefinitionSchema.safeParse(list[0]);
      if (parsed.success) void grantedOrigins(parsed.data.hosts).then((origins) => setSaved(origins.length ? { ok: true, origins } : { ok: false, reason: 'nothing-granted' }));
    });
  }, []);

  async function whileBusy(job: () => Promise<void>) {
    setBusy(true);
    try {
      await job();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="custom-adapter-h">
      <h2 id="custom-adapter-h">{t('customAdapter')}</h2>
      <p className="muted">{t('customAdapterHelp')}</p>
      <div className="row">
        <label className="button-like">
          {t('import')}
          <input
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) setText(await file.text());
            }}
          />
        </label>
        <button
          type="button"
          disabled={!result?.ok}
          onClick={() => {
            if (!result?.ok) return;
            const blob = new Blob([JSON.stringify(result.value, null, 2)], { type: 'application/json' });
            const a = document.createElement('a');
            a.href = URL.createObjectURL(blob);
            a.download = `${result.value.id.replace(/[^a-z0-9-]+/gi, '-')}.json`;
            a.click();
            URL.revokeObjectURL(a.href);
          }}
        >
          {t('export')}
        </button>
      </div>
      <textarea
        className="json"
        spellCheck={false}
        rows={18}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setSaved(null);
        }}
        aria-label={t('customAdapter')}
        data-field="adapter-json"
      />
      {result && !result.ok && (
        <ul className="errors" data-field="adapter-errors" role="alert">
          {result.errors.map((e, i) => (
            <li key={i} data-path={e.path}>
              {e.text}
            </li>
          ))}
        </ul>
      )}
      {result?.ok && <p className="okmsg">{t('adapterValid')}</p>}
      <div className="row">
        <button type="button" className="primary" disabled={!result?.ok || busy} onClick={() => result?.ok && void whileBusy(async () => setSaved(await saveAdapter(result.value)))}>
          {busy && <span className="spinner" aria-hidden="true" />} {t('saveAndGrant')}
        </button>
      </div>
      {saved && <AdapterSaveMessage outcome={saved} />}
      <AdapterPreview adapter={result?.ok ? result.value : null} busy={busy} whileBusy={whileBusy} />
    </section>
  );
}
