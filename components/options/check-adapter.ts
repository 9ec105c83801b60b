// Checking the custom adapter's JSON text as the admin types it: JSON syntax
// (with line and column), the adapter schema (its `extras` locators included:
// lib/crm/extras-schema.ts), and hosts Baton can be granted.
import { useMemo } from 'react';
import type { AdapterDefinition } from '@/lib/crm/adapter-schema';
import { checkedAdapterSchema } from '@/lib/crm/extras-schema';
import { adapterOrigins } from '@/lib/crm/host-pattern';
import { placeIssues } from '@/lib/i18n/api-errors';
import { fromZod, type FieldIssue } from '@/lib/i18n/issues';
import { useLocale, useT } from '../shared/i18n';

/** Where JSON.parse stopped, as line and column (V8 says "position N", newer ones also "line L column C"). */
function jsonIssue(e: unknown, text: string): FieldIssue {
  const msg = e instanceof Error ? e.message : String(e);
  const lc = /line (\d+) column (\d+)/.exec(msg);
  if (lc) return { path: '(root)', code: 'notJson', params: { line: Number(lc[1]), column: Number(lc[2]) } };
  const pos = /position (\d+)/.exec(msg);
  const before = pos ? text.slice(0, Number(pos[1])).split('\n') : text.split('\n');
  return { path: '(root)', code: 'notJson', params: { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 } };
}

export type CheckedAdapter = { ok: true; value: AdapterDefinition } | { ok: false; errors: { path: string; text: string }[] };

/** The text checked: null while it is blank, else the adapter or its localized errors by path. */
export function useCheckedAdapter(text: string): CheckedAdapter | null {
  const t = useT();
  const locale = useLocale();
  return useMemo((): CheckedAdapter | null => {
    if (!text.trim()) return null;
    const placed = (issues: FieldIssue[]) => ({ ok: false as const, errors: placeIssues(issues, locale, 'adapter') });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return placed([jsonIssue(e, text)]);
    }
    const parsed = checkedAdapterSchema.safeParse(json);
    if (!parsed.success) return placed(fromZod(parsed.error));
    const badHosts = adapterOrigins(parsed.data.hosts).bad.map(({ host, index }) => ({ path: `hosts[${index}]`, text: t('hostNotGrantable', { host }) }));
    return badHosts.length ? { ok: false, errors: badHosts } : { ok: true, value: parsed.data };
  }, [text, t, locale]);
}
