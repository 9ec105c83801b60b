import { describe, expect, it } from 'vitest';
import { adapterDocsInForce, managedAdapterDocs, parseManagedAdapters } from '@/lib/settings/managed-adapters';

const def = (id: string, host = 'crm.acme.cn') => ({
  id,
  name: `CRM ${id}`,
  hosts: [host],
  urls: [{ part: 'path', pattern: '^/deal/(?<recordId>\\d+)' }],
  fields: { dealName: [{ css: 'h1' }] },
});

describe('parseManagedAdapters', () => {
  it('gives nothing for no text', () => {
    expect(parseManagedAdapters(undefined)).toEqual({ definitions: [], problems: [] });
    expect(parseManagedAdapters('  ')).toEqual({ definitions: [], problems: [] });
  });
  it('reports text that is not a JSON array', () => {
    expect(parseManagedAdapters('{ not json').problems[0]?.index).toBe(-1);
    expect(parseManagedAdapters('{"id":"x"}').problems).toEqual([{ index: -1, message: 'not an array' }]);
  });
  it('keeps the valid definitions and reports each invalid one by position', () => {
    const r = parseManagedAdapters(JSON.stringify([def('custom:a'), { id: 'custom:b' }]));
    expect(r.definitions.map((d) => d.id)).toEqual(['custom:a']);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.index).toBe(1);
    expect(r.problems[0]!.message).toMatch(/hosts|name|fields/);
  });
});

describe('managedAdapterDocs', () => {
  it('gives the JSON array as it is, or nothing for absent text, not text, or text that is not a JSON array', () => {
    expect(managedAdapterDocs('[{"id":"custom:a"},1]')).toEqual([{ id: 'custom:a' }, 1]);
    for (const text of [undefined, 42, '', '{ not json', '{"id":"x"}']) expect(managedAdapterDocs(text)).toEqual([]);
  });
});

describe('adapterDocsInForce', () => {
  it('puts the managed definitions first and drops a saved one with a managed id', () => {
    const managed = managedAdapterDocs(JSON.stringify([def('custom:a')]));
    const saved = [def('custom:a', 'old.acme.cn'), def('custom:b'), 'junk'];
    const docs = adapterDocsInForce(managed, saved);
    expect(docs.map((d) => (typeof d === 'object' && d && 'id' in d ? d.id : d))).toEqual(['custom:a', 'custom:b', 'junk']);
    expect(docs[0]).toBe(managed[0]);
  });
});
