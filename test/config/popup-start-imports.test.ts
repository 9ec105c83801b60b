// What the popup loads and runs before its first render (issue 14: open in
// ≤ 100 ms with a thousand claims and packets cached). Building a classic zod
// schema costs start-up time (the packet schema ~13 ms, the claim policy ~10 ms
// on the bench machine), and phone metadata and Chinese script tables are
// hundreds of KB: the look-up box loads them, with its server call, when the
// rep types (components/popup/lookup-keys.ts); the team policies load when a
// page reads them (extension/db/meta.ts). This walks the popup's static
// import graph and names anything of that kind that has crept back in.
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graph, ROOT } from './module-graph';

const modules = graph(join(ROOT, 'entrypoints/popup/main.tsx'));
const names = [...modules.keys()].map((f) => relative(ROOT, f));
const packages = new Set([...modules.values()].flat());

describe('the popup’s start', () => {
  it('reaches the lists it renders (the walk follows imports)', () => {
    expect(names).toEqual(expect.arrayContaining(['components/popup/ClaimsList.tsx', 'components/popup/PacketsList.tsx', 'components/popup/VirtualList.tsx', 'extension/db/meta.ts']));
    expect(packages).toContain('@tanstack/react-virtual');
  });

  it('builds neither the packet schema, the team policies, the server answers nor the runtime message map', () => {
    const heavy = ['lib/packet/schema.ts', 'lib/claims/policy.ts', 'lib/engagement/policy.ts', 'lib/claims/api-responses.ts', 'extension/messaging/messages.ts'];
    expect(names.filter((n) => heavy.includes(n))).toEqual([]);
  });

  it('loads no claim-key normalisation tables (phone metadata, Chinese scripts)', () => {
    expect([...packages].filter((p) => p.startsWith('libphonenumber-js') || p.startsWith('opencc-js'))).toEqual([]);
    expect(names.filter((n) => n.startsWith('lib/claims/normalize'))).toEqual([]);
  });
});
