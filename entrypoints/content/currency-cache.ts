// The currency sign and name tables (lib/crm/currency-signs.ts) are built from
// the browser's Intl data, ~25 ms on the first amount a page reads, which is on
// the way to showing the sidebar. They are the same on every page of the same
// browser version, so the first page builds and stores them and later pages
// read them with the adapters. Kept in extension storage, keyed by the user
// agent: a browser update may bring other CLDR data and they are built afresh.
import { readStored, writeStored } from '@/extension/messaging/storage';
import { CURRENCY_TABLES } from '@/extension/messaging/storage-keys';
import { adoptCurrencyTables, currencyTables, currencyTablesReady } from '@/lib/crm/currency-signs';

let adopted = false;
let stored = false;

/** Uses the stored tables when this browser built them; otherwise they are built at the first read, as before. */
export async function loadCurrencyTables(): Promise<void> {
  try {
    const tables = await readStored(CURRENCY_TABLES);
    if (tables && tables.runtime === navigator.userAgent) {
      adoptCurrencyTables(tables);
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
  writeStored(CURRENCY_TABLES, currencyTables(navigator.userAgent)).catch(() => {
    stored = false;
  });
}
