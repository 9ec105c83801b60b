// The stored sidebar layout: push or overlay per CRM over the adapter's
// default, tolerant of older or damaged stored values; the one-key collapse.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, isToggleKey, modeFor, parseLayout } from '@/lib/sidebar/layout';

describe('stored layout', () => {
  it.each([
    ['nothing stored', undefined, DEFAULT_LAYOUT],
    ['an older layout without modes', { collapsed: true, width: 420 }, { collapsed: true, width: 420, modes: {} }],
    ['width clamped', { width: 5000 }, { collapsed: false, width: 720, modes: {} }],
    ['an unknown mode dropped', { modes: { salesforce: 'sideways', 'custom:suitecrm': 'push' } }, { collapsed: false, width: 380, modes: { 'custom:suitecrm': 'push' } }],
    ['not an object', 'push', DEFAULT_LAYOUT],
  ])('%s', (_n, raw, want) => expect(parseLayout(raw)).toEqual(want));

  it("the user's choice for a CRM beats the adapter's, and only for that CRM", () => {
    const l = parseLayout({ modes: { 'custom:suitecrm': 'push' } });
    expect(modeFor(l, 'custom:suitecrm', 'overlay')).toBe('push');
    expect(modeFor(l, 'salesforce', 'push')).toBe('push');
    expect(modeFor(l, 'custom:espo', 'overlay')).toBe('overlay');
  });
});

describe('Alt+Shift+B', () => {
  const key = (o: Partial<KeyboardEvent>) => ({ code: 'KeyB', altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, ...o });
  it.each([
    ['Alt+Shift+B', key({ altKey: true, shiftKey: true }), true],
    ['on a French or Russian layout (same physical key)', key({ altKey: true, shiftKey: true, key: 'И' } as Partial<KeyboardEvent>), true],
    ['B alone (typing)', key({}), false],
    ['Shift+B (typing a capital)', key({ shiftKey: true }), false],
    ['Ctrl+Alt+Shift+B', key({ altKey: true, shiftKey: true, ctrlKey: true }), false],
    ['Alt+Shift+N', key({ code: 'KeyN', altKey: true, shiftKey: true }), false],
  ])('%s → %s', (_n, e, want) => expect(isToggleKey(e)).toBe(want));
});
