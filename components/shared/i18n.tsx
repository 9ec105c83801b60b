// The UI language: the browser's, unless the user picked one in options.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { LOCALES, pickLocale, type Locale } from '@/lib/i18n/locale';
import { translate, type MessageKey } from '@/lib/i18n/translate';

export const LOCALE_KEY = 'uiLocale';

const LocaleContext = createContext<Locale>('en');

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(() => pickLocale(navigator.language));
  useEffect(() => {
    const apply = (v: unknown) =>
      setLocale(LOCALES.includes(v as Locale) ? (v as Locale) : pickLocale(navigator.language));
    void browser.storage.local.get(LOCALE_KEY).then((got) => apply(got[LOCALE_KEY]));
    const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && LOCALE_KEY in changes) apply(changes[LOCALE_KEY]?.newValue);
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/**
 * The translate function for the current UI language. Stable while the
 * language stays the same, so effects may list it as a dependency without
 * re-running on every render (a look-up that re-ran cancelled its own answer).
 */
export function useT() {
  const locale = useContext(LocaleContext);
  return useCallback((key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params), [locale]);
}
