import { fillPlaceholders } from './fill-placeholders';
import type { Locale } from './locale';
import { en, type MessageKey, type Messages } from './messages.en';
import { zhCN } from './messages.zh-CN';
import { zhTW } from './messages.zh-TW';

const catalogs: Record<Locale, Messages> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

/** Look up a UI string and fill `{name}` placeholders (as text, never HTML). */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogs[locale][key] ?? en[key];
  return params ? fillPlaceholders(text, params) : text;
}

export type { MessageKey };
