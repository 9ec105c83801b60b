// "Test on the open tab": inject the preview reader into a tab with the
// definition being edited and collect what it read.
import { browser } from 'wxt/browser';
import type { AdapterDefinition } from '@/lib/crm/adapter-schema';
import type { DealIdentity, DealSnapshot } from '@/lib/crm/types';

export interface PreviewResult {
  href: string;
  identity: DealIdentity | null;
  dealPage: boolean;
  snapshot: DealSnapshot | null;
}

export async function previewOnTab(tabId: number, def: AdapterDefinition): Promise<PreviewResult> {
  const target = { tabId };
  await browser.scripting.executeScript({
    target,
    func: (d: unknown) => {
      (window as unknown as { __batonPreviewDef: unknown }).__batonPreviewDef = d;
    },
    args: [def],
  });
  await browser.scripting.executeScript({ target, files: ['/adapter-preview.js'] });
  const [res] = await browser.scripting.executeScript({
    target,
    func: () => (window as unknown as { __batonPreviewResult: unknown }).__batonPreviewResult,
  });
  return res?.result as PreviewResult;
}
