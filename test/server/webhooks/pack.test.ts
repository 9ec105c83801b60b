// Which due notices go out together: alone while the robot's minute has room,
// collapsed into digests when it has not — each notice in exactly one
// message, every digest within the tool's content limit, mentions kept.
import { describe, expect, it } from 'vitest';
import { digestMessage, DIGEST_MAX, pack } from '@/server/webhooks/pack';
import { PROVIDERS } from '@/server/webhooks/providers';
import type { StoredNotice } from '@/server/webhooks/outbox';

const notice = (i: number, mention = false): StoredNotice => ({
  event: 'claim.expiring',
  title: `Claim expiring: 华东区第${i}号客户有限公司`,
  lines: [`Expires 2027-01-0${(i % 9) + 1}T00:00:00.000Z (in 40 h)`, 'Holder: 王芳'],
  mentions: mention ? [{ name: `Rep ${i}`, chat: { mobile: `+86138000000${String(i).padStart(2, '0')}` } }] : [],
});

describe('pack', () => {
  it('each alone while the budget covers them', () => {
    expect(pack([notice(1), notice(2)], 20, PROVIDERS.dingtalk)).toEqual([[0], [1]]);
  });

  it('over the budget: digests, each notice once, within the content limit of each tool', () => {
    const due = Array.from({ length: 60 }, (_, i) => notice(i, i % 7 === 0));
    for (const provider of Object.values(PROVIDERS)) {
      const groups = pack(due, 5, provider);
      expect(groups.length).toBeLessThanOrEqual(5);
      const placed = groups.flat();
      expect(new Set(placed).size).toBe(placed.length);
      for (const g of groups) {
        expect(g.length).toBeLessThanOrEqual(DIGEST_MAX);
        const m = digestMessage(g.map((i) => due[i]!));
        expect(Buffer.byteLength([m.title, ...m.lines].join('\n'))).toBeLessThanOrEqual(provider.maxContentBytes);
        const wanted = g.flatMap((i) => due[i]!.mentions.map((x) => x.name));
        expect(m.mentions.map((x) => x.name)).toEqual(wanted);
      }
    }
  });

  it('no budget, nothing sent', () => {
    expect(pack([notice(1)], 0, PROVIDERS.wecom)).toEqual([]);
  });
});
