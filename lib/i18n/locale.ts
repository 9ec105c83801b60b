// The three UI languages, from day one (docs/architecture.md).
export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Map a browser language tag (navigator.language, i18n.getUILanguage) to a UI locale. */
export function pickLocale(tag: string | undefined | null): Locale {
  const t = (tag ?? '').toLowerCase().replace('_', '-');
  if (t.startsWith('zh')) {
    // Traditional script: explicit Hant, or the regions that write it.
    if (/hant|-(tw|hk|mo)\b/.test(t)) return 'zh-TW';
    return 'zh-CN';
  }
  return 'en';
}

/** Text in all three locales; used for labels that live beside their data. */
export type Localized = Record<Locale, string>;
