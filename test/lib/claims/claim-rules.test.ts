// Issue 12's pure rules: anti-hoarding refusals (which rule, until when) and
// key-account lines (which claims block which).
import { describe, expect, it } from 'vitest';
import { hoardingRefusal, liveCap } from '@/lib/claims/anti-hoarding';
import { lineSpan, linesOverlap, normalizeLine, WHOLE_SPAN } from '@/lib/claims/claim-line';
import { claimPolicySchema } from '@/lib/claims/policy';

const NOW = '2026-11-30T12:00:00.000Z';
const policy = (p: Record<string, unknown>) => claimPolicySchema.parse({ version: 2, effectiveAt: '2026-01-01T00:00:00Z', ...p });
const hoursAgo = (h: number) => new Date(Date.parse(NOW) - h * 3_600_000).toISOString();
const daysOn = (d: number) => new Date(Date.parse(NOW) + d * 86_400_000).toISOString();
const none = { claimedLastDay: [], liveUntil: [], ownEndedAt: null };

describe('anti-hoarding', () => {
  it.each([
    ['no limits set: nothing refused', {}, { claimedLastDay: [hoursAgo(1), hoursAgo(2)], liveUntil: [daysOn(3)], ownEndedAt: hoursAgo(1) }, null],
    ['daily cap reached: until the oldest of the window is 24 h old', { antiHoarding: { newClaimsPerDay: 2 } }, { ...none, claimedLastDay: [hoursAgo(20), hoursAgo(3)] }, { code: 'daily_cap', limit: 2, count: 2, until: '2026-11-30T16:00:00.000Z' }],
    ['daily cap: a claim 25 h ago no longer counts', { antiHoarding: { newClaimsPerDay: 2 } }, { ...none, claimedLastDay: [hoursAgo(25), hoursAgo(3)] }, null],
    ['live cap reached: until the soonest live claim ends', { antiHoarding: { maxLiveClaims: 2 } }, { ...none, liveUntil: [daysOn(5), daysOn(2)] }, { code: 'claim_limit', limit: 2, count: 2, until: daysOn(2) }],
    ['live cap: the stricter of anti-hoarding and the pool rule', { antiHoarding: { maxLiveClaims: 5 }, pool: { maxLiveClaims: 1 } }, { ...none, liveUntil: [daysOn(4)] }, { code: 'claim_limit', limit: 1, count: 1, until: daysOn(4) }],
    ['cooldown: own claim ended 1 day ago, 3 days to wait', { antiHoarding: { reclaimCooldownDays: 3 } }, { ...none, ownEndedAt: hoursAgo(24) }, { code: 'reclaim_cooldown', days: 3, until: daysOn(2) }],
    ['cooldown over', { antiHoarding: { reclaimCooldownDays: 3 } }, { ...none, ownEndedAt: hoursAgo(73) }, null],
    ['cooldown 0: no wait', { antiHoarding: { reclaimCooldownDays: 0 } }, { ...none, ownEndedAt: hoursAgo(1) }, null],
  ])('%s', (_rule, p, facts, want) => {
    expect(hoardingRefusal(facts, policy(p), NOW)).toEqual(want);
  });

  it('no live cap when neither rule sets one', () => expect(liveCap(policy({}))).toBeNull());
});

describe('key-account lines', () => {
  it.each([
    ['Cloud BU', 'cloud-bu'],
    ['ＣＬＯＵＤ　ＢＵ', 'cloud bu'],
    ['雲端事業部', '云端事业部'],
    ['  Devices ', 'devices'],
  ])('%j and %j are one line', (a, b) => expect(lineSpan(a)).toBe(lineSpan(b)));

  it.each([
    ['Cloud', 'Devices'],
    ['云业务', '终端业务'],
    ['Storage EMEA', 'Storage APAC'],
  ])('%j and %j are two lines that do not block each other', (a, b) => {
    expect(linesOverlap(a, b)).toBe(false);
  });

  it('the whole customer blocks every line, and every line blocks the whole customer', () => {
    expect(lineSpan(null)).toBe(WHOLE_SPAN);
    expect(lineSpan('  ')).toBe(WHOLE_SPAN);
    expect(linesOverlap(null, 'Cloud')).toBe(true);
    expect(linesOverlap('Cloud', undefined)).toBe(true);
    expect(linesOverlap('Cloud', 'CLOUD')).toBe(true);
  });

  it('a line span is one integer inside the whole span', () => {
    const m = /^\[(\d+),(\d+)\)$/.exec(lineSpan('Cloud'))!;
    expect(Number(m[2]) - Number(m[1])).toBe(1);
    expect(Number(m[2])).toBeLessThanOrEqual(2147483647);
    expect(normalizeLine('Cloud—BU!')).toBe('cloud bu');
  });
});
