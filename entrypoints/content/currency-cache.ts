// The currency sign and name tables (lib/crm/currency-signs.ts) are built from
// the browser's Intl data, ~25 ms on the first amount a page reads, which is on
// the way to showing the sidebar. They are the same on every page of the same
// browser version, so the first page builds and stores them and later pages
// read them with the adapters. Kept in extension storage, keyed by the user
// agent: a browser update may bring other CLDR data and they are built afresh.
import { browser } from 'wxt/browser';
import { adoptCurrencyTables, currencyTables, currencyTablesReady, currencyTablesSchema } from '@/lib/crm/currency-signs';

const KEY = 'currencyTables';
let adopted = false;
let stored = false;

/** Uses the stored tables when this browser built them; otherwise they are built at the first read, as before. */
export async function loadCurrencyTables(): Promise<void> {
  try {
    const parsed = currencyTablesSchema.safeParse((await browser.storage.local.get(KEY))[KEY]);
    if (parsed.success && parsed.data.runtime === navigator.userAgent) {
      adoptCurrencyTables(parsed.data);
      adopted = true;
    }
  } catch {
    // storage unavailable (extension reloaded): built at the first read
  }
}

/** After a read: stores the tables this page built, once, for the pages after it. */
export function keepCurrencyTables(): void {
  if (adopted || stored || !currencyTablesReady()) return;
  stored = true;
  browser.storage.local.set({ [KEY]: currencyTables(navigator.userAgent) }).catch(() => {
    stored = false;
  });
}
