import { describe, expect, it } from 'vitest';
import { pickLocale } from '@/lib/i18n/locale';
import { en } from '@/lib/i18n/messages.en';
import { zhCN } from '@/lib/i18n/messages.zh-CN';
import { zhTW } from '@/lib/i18n/messages.zh-TW';
import { translate } from '@/lib/i18n/translate';

describe('pickLocale', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh_TW', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['en-US', 'en'],
    ['de-DE', 'en'],
    ['', 'en'],
  ])('%s → %s', (tag, want) => expect(pickLocale(tag)).toBe(want));
});

describe('UI strings', () => {
  it('every key is translated into both Chinese scripts with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
      for (const cat of [zhCN, zhTW]) {
        expect(cat[key], key).toBeTruthy();
        expect(holes(cat[key]), key).toBe(holes(en[key]));
      }
    }
  });

  it('Traditional strings use no Simplified-only characters', () => {
    const simplifiedOnly = /[们这关联系户险进录务读页签载项审阅单测试时间动]/;
    for (const [key, text] of Object.entries(zhTW)) expect(simplifiedOnly.test(text), `${key}: ${text}`).toBe(false);
  });

  it('fills placeholders as plain text', () => {
    expect(translate('en', 'belowThreshold', { value: 79, threshold: 80 })).toBe(
      'Completeness 79% is below the team threshold of 80%.',
    );
    expect(translate('zh-CN', 'dealHeading', { crm: '<b>x</b>' })).toBe('<b>x</b> 中的商机');
  });
});
