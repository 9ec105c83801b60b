// Which extras locators an adapter reads with: every built-in CRM has its own,
// with the public source of its texts; a custom adapter's own `extras` win; a
// custom adapter replacing a built-in without `extras` keeps the built-in's; a
// custom CRM without them, or with malformed ones, reads none.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAdapterDefinition } from '@/lib/crm/adapter-schema';
import { builtins, extrasLocatorsFor } from '@/lib/crm/adapters';
import { BUILTIN_CRMS } from '@/lib/crm/types';

const custom = (over: Record<string, unknown>) => {
  const r = parseAdapterDefinition({ id: 'custom:x', name: 'X', hosts: ['crm.example.com'], urls: [{ pattern: '^/d/(?<recordId>\\d+)' }], fields: {}, ...over });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

describe('extras locators per adapter', () => {
  it.each(BUILTIN_CRMS)('%s has contacts, activities and line items locators, and says where their texts come from', (id) => {
    const b = builtins.find((x) => x.definition.id === id)!;
    expect(b.extras?.contacts?.length).toBeGreaterThan(0);
    expect(b.extras?.activities?.length).toBeGreaterThan(0);
    expect(b.extras?.lineItems?.length).toBeGreaterThan(0);
    expect(extrasLocatorsFor(b.definition)).toBe(b.extras);
    const data = JSON.parse(readFileSync(`lib/crm/adapters/${id}.json`, 'utf8')) as { extrasSource?: string };
    expect(data.extrasSource?.length).toBeGreaterThan(40);
  });

  it('keeps the extras out of the definitions the content script bundles', () => {
    for (const b of builtins) expect(b.definition.extras).toBeUndefined();
  });

  it("a custom adapter's own extras win; a replaced built-in keeps its own; a custom CRM without (or with malformed) extras reads none", () => {
    const own = { description: [{ label: ['Notes'] }] };
    expect(extrasLocatorsFor(custom({ extras: own }))).toEqual({ description: [{ label: ['Notes'], read: 'value' }] });
    const hubspot = builtins.find((b) => b.definition.id === 'hubspot')!;
    expect(extrasLocatorsFor(custom({ id: 'hubspot' }))).toBe(hubspot.extras);
    expect(extrasLocatorsFor(custom({}))).toBeNull();
    expect(extrasLocatorsFor(custom({ extras: { contacts: 'everything' } }))).toBeNull();
  });
});
