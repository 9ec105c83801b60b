import { describe, expect, it } from 'vitest';
import { countdown } from '@/lib/claims/countdown';

const now = Date.parse('2026-11-23T08:00:00Z');
describe('countdown', () => {
  it.each([
    ['2026-12-07T08:00:00Z', { days: 14, hours: 0, urgency: 'ok' }],
    ['2026-11-26T07:00:00Z', { days: 2, hours: 23, urgency: 'soon' }],
    ['2026-11-23T13:30:00Z', { days: 0, hours: 5, minutes: 30, urgency: 'urgent' }],
    ['2026-11-23T08:00:00Z', { expired: true, urgency: 'expired' }],
  ])('%s', (at, want) => expect(countdown(at, now)).toMatchObject(want));
});

import { guessKeyKind } from '@/lib/claims/guess-kind';
describe('guessKeyKind', () => {
  it.each([
    ['wang@yunqi.cn', 'email'],
    ['138 0013 8000', 'phone'],
    ['+86 (21) 6234-5678 转 801', 'phone'],
    ['０９１２－３４５－６７８', 'phone'],
    ['杭州云栖数据科技有限公司', 'company'],
    ['360安全科技', 'company'],
    ['3M', 'company'],
  ])('%s → %s', (t, k) => expect(guessKeyKind(t)).toBe(k));
});
