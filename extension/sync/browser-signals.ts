// The claims cache's signals in the browser: the toolbar badge, notifications,
// and the UI language: the organization's (policy), else the person's choice,
// else the browser's.
import { browser } from 'wxt/browser';
import { LOCALES, pickLocale, type Locale } from '@/lib/i18n/locale';
import { readManaged } from '../storage/managed';
import type { ClaimSignals } from './claims-cache';

const BADGE_COLOR = '#cf222e';
const isLocale = (v: unknown): v is Locale => LOCALES.some((l) => l === v);

export const browserSignals: ClaimSignals = {
  async badge(text) {
    await browser.action.setBadgeText({ text });
    await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  },
  async notify(id, title, message) {
    await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
  },
  async locale() {
    const managed = (await readManaged()).config.uiLanguage;
    if (managed) return managed;
    const stored: unknown = (await browser.storage.local.get('uiLocale')).uiLocale;
    return isLocale(stored) ? stored : pickLocale(navigator.language);
  },
};
