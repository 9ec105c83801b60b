// The claims cache's signals in the browser: the toolbar badge, notifications,
// and the UI language: the organization's (policy), else the person's choice,
// else the browser's.
import { browser } from 'wxt/browser';
import { readStored } from '@/extension/messaging/storage';
import { UI_LOCALE } from '@/extension/messaging/storage-keys';
import { pickLocale } from '@/lib/i18n/locale';
import { readManaged } from '../storage/managed';
import type { ClaimSignals } from './claims-cache';

const BADGE_COLOR = '#cf222e';

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
    return (await readStored(UI_LOCALE)) ?? pickLocale(navigator.language);
  },
};
