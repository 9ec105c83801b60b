import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { LOCALES } from '@/lib/i18n/locale';
import { LOCALE_KEY, useT } from '../shared/i18n';

const NAMES = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' } as const;

export function LanguagePicker() {
  const t = useT();
  const [value, setValue] = useState('');
  useEffect(() => {
    void browser.storage.local.get(LOCALE_KEY).then((g) => setValue(typeof g[LOCALE_KEY] === 'string' ? (g[LOCALE_KEY] as string) : ''));
  }, []);
  return (
    <label className="field inline">
      <span>{t('language')}</span>
      <select
        value={value}
        data-field="locale"
        onChange={(e) => {
          setValue(e.target.value);
          if (e.target.value) void browser.storage.local.set({ [LOCALE_KEY]: e.target.value });
          else void browser.storage.local.remove(LOCALE_KEY);
        }}
      >
        <option value="">{t('lang.auto')}</option>
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
