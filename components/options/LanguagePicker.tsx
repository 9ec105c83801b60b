import { useEffect, useState } from 'react';
import { readStored, removeStored, writeStored } from '@/extension/messaging/storage';
import { UI_LOCALE } from '@/extension/messaging/storage-keys';
import { LOCALES } from '@/lib/i18n/locale';
import { useT } from '../shared/i18n';
import { LockedNote } from '../shared/ManagedServerPointer';
import { useManaged } from '../shared/use-managed';

const NAMES = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' } as const;

export function LanguagePicker() {
  const t = useT();
  const [value, setValue] = useState('');
  const locked = useManaged().config.uiLanguage;
  useEffect(() => {
    void readStored(UI_LOCALE).then((l) => setValue(l ?? ''));
  }, []);
  return (
    <label className="field inline">
      <span>{t('language')}</span>
      <select
        value={locked ?? value}
        disabled={locked !== undefined}
        data-field="locale"
        onChange={(e) => {
          const picked = LOCALES.find((l) => l === e.target.value) ?? null;
          setValue(picked ?? '');
          void (picked ? writeStored(UI_LOCALE, picked) : removeStored(UI_LOCALE));
        }}
      >
        <option value="">{t('lang.auto')}</option>
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
      {locked && <LockedNote field="uiLanguage" />}
    </label>
  );
}
