// Settings the person chose that this build could not read (saved by a newer
// Baton, or damaged): each is in use at its default, and the page says so
// rather than letting a width, a language or a custom adapter silently change.
// Settings Baton rewrites itself (sync status, team currency, currency tables)
// heal at the next sync or page and are not listed.
import { useEffect, useState } from 'react';
import { readStoredSetting } from '@/extension/messaging/storage';
import { CUSTOM_ADAPTERS, SIDEBAR_LAYOUT, UI_LOCALE, type StoredItem } from '@/extension/messaging/storage-keys';
import { useT } from '../shared/i18n';

const CHOSEN = [
  ['storedSettings.sidebarLayout', SIDEBAR_LAYOUT],
  ['storedSettings.uiLocale', UI_LOCALE],
  ['storedSettings.customAdapters', CUSTOM_ADAPTERS],
] as const satisfies readonly (readonly [string, StoredItem<unknown>])[];

type Unreadable = { name: (typeof CHOSEN)[number][0]; why: 'newer' | 'unfit' };

export function UnreadableSettings() {
  const t = useT();
  const [unreadable, setUnreadable] = useState<Unreadable[]>([]);
  useEffect(() => {
    void Promise.all(CHOSEN.map(async ([name, item]) => ({ name, read: await readStoredSetting<unknown>(item) }))).then((reads) =>
      setUnreadable(reads.flatMap(({ name, read }) => (read.state === 'unreadable' ? [{ name, why: read.why }] : []))),
    );
  }, []);
  if (!unreadable.length) return null;
  return (
    <section className="card" role="alert" data-field="unreadable-settings" aria-labelledby="unreadable-settings-h">
      <h2 id="unreadable-settings-h">{t('storedSettings.heading')}</h2>
      <ul>
        {unreadable.map(({ name, why }) => (
          <li key={name} data-value={name.replace('storedSettings.', '')}>
            {t(why === 'newer' ? 'storedSettings.newer' : 'storedSettings.unfit', { setting: t(name) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
