// Trying a custom adapter on one of the open tabs: what it would read there
// (identity and deal fields), before anything is saved.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { AdapterDefinition } from '@/lib/crm/adapter-schema';
import { DEAL_FIELDS } from '@/lib/crm/types';
import { useT } from '../shared/i18n';
import { previewOnTab, type PreviewResult } from './preview-on-tab';

interface OpenTab {
  id: number;
  title: string;
  url: string;
}

/** The open http(s) tabs, as they were when the editor opened. */
function useOpenTabs(): OpenTab[] {
  const [tabs, setTabs] = useState<OpenTab[]>([]);
  useEffect(() => {
    void browser.tabs.query({}).then((all) =>
      setTabs(
        all
          .filter((x) => x.id !== undefined && /^https?:/.test(x.url ?? ''))
          .map((x) => ({ id: x.id!, title: x.title ?? x.url ?? '', url: x.url ?? '' })),
      ),
    );
  }, []);
  return tabs;
}

/**
 * adapter: the valid definition, or null while the text is not one.
 * busy/whileBusy: shared with saving, so one runs at a time.
 */
export function AdapterPreview({ adapter, busy, whileBusy }: { adapter: AdapterDefinition | null; busy: boolean; whileBusy: (job: () => Promise<void>) => Promise<void> }) {
  const t = useT();
  const tabs = useOpenTabs();
  const [tabId, setTabId] = useState<number | null>(null);
  const [preview, setPreview] = useState<PreviewResult | string | null>(null);

  return (
    <>
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
          disabled={!adapter || tabId === null || busy}
          onClick={async () => {
            if (!adapter || tabId === null) return;
            await whileBusy(async () => {
              try {
                setPreview(await previewOnTab(tabId, adapter));
              } catch (e) {
                setPreview(t('previewFailed', { error: e instanceof Error ? e.message : String(e) }));
              }
            });
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
    </>
  );
}
