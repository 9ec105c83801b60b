// The UI language: the organization's when its policy sets one (locked), else
// the one the user picked in options, else the browser's.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { readStored, watchStored } from '@/extension/messaging/storage';
import { UI_LOCALE } from '@/extension/messaging/storage-keys';
import { useManagedOrNull } from './use-managed';
import { pickLocale, type Locale } from '@/lib/i18n/locale';
import { translate, type MessageKey } from '@/lib/i18n/translate';

const LocaleContext = createContext<Locale>('en');

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [picked, setPicked] = useState<Locale | null>(null);
  const managed = useManagedOrNull()?.config.uiLanguage;
  useEffect(() => {
    void readStored(UI_LOCALE).then(setPicked);
    return watchStored(UI_LOCALE, setPicked);
  }, []);
  const locale = managed ?? picked ?? pickLocale(navigator.language);
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
