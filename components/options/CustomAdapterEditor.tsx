// An admin defines an adapter for a CRM Baton does not know, as a JSON document:
// import, edit, export, validation errors by path, host permission request, and
// a preview of what it reads on an open tab.
import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { adapterDefinitionSchema, type AdapterDefinition } from '@/lib/crm/adapter-schema';
import { adapterOrigins } from '@/lib/crm/host-pattern';
import { readStored } from '@/extension/messaging/storage';
import { CUSTOM_ADAPTERS } from '@/extension/messaging/storage-keys';
import { DEAL_FIELDS } from '@/lib/crm/types';
import { placeIssues } from '@/lib/i18n/api-errors';
import { fromZod, type FieldIssue } from '@/lib/i18n/issues';
import { useLocale, useT } from '../shared/i18n';
import { previewOnTab, type PreviewResult } from './preview-on-tab';
import { grantedOrigins, saveAdapter, type SaveOutcome } from './save-adapter';

/** Where JSON.parse stopped, as line and column (V8 says "position N", newer ones also "line L column C"). */
function jsonIssue(e: unknown, text: string): FieldIssue {
  const msg = e instanceof Error ? e.message : String(e);
  const lc = /line (\d+) column (\d+)/.exec(msg);
  if (lc) return { path: '(root)', code: 'notJson', params: { line: Number(lc[1]), column: Number(lc[2]) } };
  const pos = /position (\d+)/.exec(msg);
  const before = pos ? text.slice(0, Number(pos[1])).split('\n') : text.split('\n');
  return { path: '(root)', code: 'notJson', params: { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 } };
}

type Checked = { ok: true; value: AdapterDefinition } | { ok: false; errors: { path: string; text: string }[] };

export function CustomAdapterEditor() {
  const t = useT();
  const locale = useLocale();
  const [text, setText] = useState('');
  const [saved, setSaved] = useState<SaveOutcome | null>(null);
  const [tabs, setTabs] = useState<{ id: number; title: string; url: string }[]>([]);
  const [tabId, setTabId] = useState<number | null>(null);
  const [preview, setPreview] = useState<PreviewResult | string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void readStored(CUSTOM_ADAPTERS).then((list) => {
      if (!list.length) return;
      setText(JSON.stringify(list[0], null, 2));
      // What the stored adapter runs on now (a grant can be withdrawn in the browser's settings).
      const parsed = adapterDefinitionSchema.safeParse(list[0]);
      if (parsed.success) void grantedOrigins(parsed.data.hosts).then((origins) => setSaved(origins.length ? { ok: true, origins } : { ok: false, reason: 'nothing-granted' }));
    });
    void browser.tabs.query({}).then((all) =>
      setTabs(
        all
          .filter((x) => x.id !== undefined && /^https?:/.test(x.url ?? ''))
          .map((x) => ({ id: x.id!, title: x.title ?? x.url ?? '', url: x.url ?? '' })),
      ),
    );
  }, []);

  const result = useMemo((): Checked | null => {
    if (!text.trim()) return null;
    const placed = (issues: FieldIssue[]) => ({ ok: false as const, errors: placeIssues(issues, locale, 'adapter') });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return placed([jsonIssue(e, text)]);
    }
    const parsed = adapterDefinitionSchema.safeParse(json);
    if (!parsed.success) return placed(fromZod(parsed.error));
    const badHosts = adapterOrigins(parsed.data.hosts).bad.map(({ host, index }) => ({ path: `hosts[${index}]`, text: t('hostNotGrantable', { host }) }));
    return badHosts.length ? { ok: false, errors: badHosts } : { ok: true, value: parsed.data };
  }, [text, t, locale]);

  async function save() {
    if (!result?.ok) return;
    setBusy(true);
    try {
      setSaved(await saveAdapter(result.value));
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
        <button type="button" className="primary" disabled={!result?.ok || busy} onClick={() => void save()}>
          {busy && <span className="spinner" aria-hidden="true" />} {t('saveAndGrant')}
        </button>
      </div>
      {saved && <SaveMessage outcome={saved} />}
      <h3>{t('testOnTab')}</h3>
      <div className="row">
        <select value={tabId ?? ''} onChange={(e) => setTabId(e.target.value ? Number(e.target.value) : null)} aria-label={t('testOnTab')}>
          <option value="">—</option>
          {tabs.map((x) => (
            <option key={x.id} value={x.id}>
              {x.title.slice(0, 80)}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!result?.ok || tabId === null || busy}
          onClick={async () => {
            if (!result?.ok || tabId === null) return;
            setBusy(true);
            try {
              setPreview(await previewOnTab(tabId, result.value));
            } catch (e) {
              setPreview(t('previewFailed', { error: e instanceof Error ? e.message : String(e) }));
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('preview')}
        </button>
      </div>
      {typeof preview === 'string' && <p className="warn">{preview}</p>}
      {preview && typeof preview === 'object' && (
        <dl className="preview" data-field="adapter-preview">
          <dt>URL</dt>
          <dd className="mono">{preview.href}</dd>
          <dt>{t('identity')}</dt>
          <dd className="mono">{preview.identity ? `${preview.identity.crm} : ${preview.identity.tenant} : ${preview.identity.recordId}` : t('notADeal')}</dd>
          {preview.snapshot &&
            DEAL_FIELDS.map((f) => (
              <div key={f} className="contents">
                <dt>{f}</dt>
                <dd data-preview-field={f}>{preview.snapshot![f] === null ? <em className="muted">null</em> : String(preview.snapshot![f])}</dd>
              </div>
            ))}
        </dl>
      )}
    </section>
  );
}

/** What saving did: the exact origins Baton now runs on, or why nothing was saved. */
function SaveMessage({ outcome }: { outcome: SaveOutcome }) {
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
