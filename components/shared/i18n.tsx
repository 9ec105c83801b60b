// The UI language: the browser's, unless the user picked one in options.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { readStored, watchStored } from '@/extension/messaging/storage';
import { UI_LOCALE } from '@/extension/messaging/storage-keys';
import { pickLocale, type Locale } from '@/lib/i18n/locale';
import { translate, type MessageKey } from '@/lib/i18n/translate';

const LocaleContext = createContext<Locale>('en');

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(() => pickLocale(navigator.language));
  useEffect(() => {
    const apply = (picked: Locale | null) => setLocale(picked ?? pickLocale(navigator.language));
    void readStored(UI_LOCALE).then(apply);
    return watchStored(UI_LOCALE, apply);
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
