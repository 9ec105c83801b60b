import { describe, expect, it } from 'vitest';
import { dueNotices, noticeKey } from '@/lib/claims/notices';

const DAY = 86_400_000;
const now = Date.parse('2026-11-23T08:00:00Z');
const claim = (id: number, leftDays: number, extra = {}) => ({ id, expiresAt: new Date(now + leftDays * DAY).toISOString(), releasedAt: null, wonAt: null, ...extra });

describe('expiry notices', () => {
  it('fires at 3 days and again at 1 day, once each', () => {
    const sent = new Set<string>();
    expect(dueNotices([claim(1, 5)], [3, 1], now, sent)).toEqual([]);
    const first = dueNotices([claim(1, 2.5)], [3, 1], now, sent);
    expect(first).toEqual([{ claimId: 1, days: 3, settles: ['1:3'] }]);
    first.flatMap((n) => n.settles).forEach((k) => sent.add(k));
    expect(dueNotices([claim(1, 2)], [3, 1], now, sent)).toEqual([]);
    expect(dueNotices([claim(1, 0.9)], [3, 1], now, sent)).toEqual([{ claimId: 1, days: 1, settles: ['1:1'] }]);
  });

  it('a late check that crossed both thresholds gives one notice and settles both', () => {
    expect(dueNotices([claim(2, 0.5)], [1, 3], now, new Set())).toEqual([{ claimId: 2, days: 1, settles: ['2:1', '2:3'] }]);
  });

  it('nothing for ended, expired or far-off claims', () => {
    const claims = [claim(3, 1, { wonAt: '2026-11-20T00:00:00Z' }), claim(4, 1, { releasedAt: '2026-11-20T00:00:00Z' }), claim(5, -1), claim(6, 30)];
    expect(dueNotices(claims, [3, 1], now, new Set([noticeKey(9, 3)]))).toEqual([]);
  });
});
