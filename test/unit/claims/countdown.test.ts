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
