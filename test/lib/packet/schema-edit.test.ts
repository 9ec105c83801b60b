import { describe, expect, it } from 'vitest';
import { addItem, removeItem, setField, updateItem } from '@/lib/packet/edit';
import { packetSchema } from '@/lib/packet/schema';
import { empty, fill } from './helpers';

describe('packet schema', () => {
  it('a new packet has all eleven sections empty and validates', () => {
    const p = empty();
    expect(p.status).toBe('draft');
    expect(p.key).toBe('salesforce:acme.lightning.force.com:006Hs00000XyZ12IAB');
    for (const k of ['stakeholders', 'profile', 'contract', 'whyWon', 'goals', 'openItems', 'risks', 'followUps', 'assessment', 'introductions', 'serviceGroup'])
      expect(p).toHaveProperty(k);
    expect(packetSchema.safeParse(p).success).toBe(true);
  });

  it('a filled packet round-trips', () => {
    const p = fill(empty(), 'profile', 'contract', 'whyWon', 'risks', 'stakeholderWithContact', 'goals', 'followUps', 'serviceGroup', 'assessment', 'introductions');
    expect(packetSchema.parse(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });

  it.each([
    ['risks.items', (p: ReturnType<typeof empty>) => addItem(p, 'risks.items', { id: 'r', severity: 'catastrophic' as never })],
    ['contract.startDate', (p: ReturnType<typeof empty>) => setField(p, 'contract.startDate', '30/11/2026')],
    ['profile.industry', (p: ReturnType<typeof empty>) => setField(p, 'profile.industry', 'x'.repeat(600))],
    ['stakeholders', (p: ReturnType<typeof empty>) => setField(p, 'stakeholders', Array.from({ length: 201 }, (_, i) => ({ id: `s${i}` })))],
  ])('rejects bad input at %s with its path', (path, make) => {
    let bad;
    try {
      bad = make(empty());
    } catch (e) {
      // addItem validates the row itself
      expect(String(e)).toContain('severity');
      return;
    }
    const r = packetSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path.join('.')).toContain(path.split('.')[0]);
  });
});

describe('packet edits', () => {
  it('are immutable and keep other items', () => {
    const a = fill(empty(), 'stakeholderWithContact');
    const b = addItem(a, 'stakeholders', { id: 's2', name: 'Derek' });
    expect(a.stakeholders).toHaveLength(1);
    expect(b.stakeholders.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(b.profile).toBe(a.profile);
    const c = updateItem(b, 'stakeholders', 's2', { phone: '+86 138 0000 0000' });
    expect(c.stakeholders[0]).toBe(b.stakeholders[0]);
    expect(c.stakeholders[1]).toMatchObject({ id: 's2', name: 'Derek', phone: '+86 138 0000 0000', role: 'user' });
    const d = removeItem(c, 'stakeholders', 's1');
    expect(d.stakeholders.map((s) => s.id)).toEqual(['s2']);
    expect(c.stakeholders).toHaveLength(2);
  });

  it('update cannot change an item id', () => {
    const a = fill(empty(), 'risks');
    const b = updateItem(a, 'risks.items', 'r1', { id: 'evil', text: 'x' } as never);
    expect(b.risks.items[0]!.id).toBe('r1');
  });
});
