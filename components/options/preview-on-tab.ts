// "Test on the open tab": inject the preview reader into a tab with the
// definition being edited and collect what it read.
import { browser } from 'wxt/browser';
import type { AdapterDefinition } from '@/lib/crm/adapter-schema';
import { z } from 'zod';
import { dealIdentitySchema, dealSnapshotSchema } from '@/lib/crm/types';

/** What entrypoints/adapter-preview.ts leaves on the tab's window: the page it read, the deal it found (or none) and the values. */
const previewResultSchema = z.object({ href: z.string(), identity: z.nullable(dealIdentitySchema), dealPage: z.boolean(), snapshot: z.nullable(dealSnapshotSchema) });
export type PreviewResult = z.infer<typeof previewResultSchema>;

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
  // The tab's page could have set the global itself: its answer is parsed, never trusted by its type.
  const parsed = previewResultSchema.safeParse(res?.result);
  if (!parsed.success) throw new Error(`the tab's answer does not fit (${parsed.error.issues[0]?.path.join('.') || 'nothing read'})`);
  return parsed.data;
}
