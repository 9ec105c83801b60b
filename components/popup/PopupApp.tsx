// The quick glance: the look-up box, what needs me, my claims counting down,
// my packets with their checklist completeness. Opens from IndexedDB at once,
// rendering only the rows in view of each list (VirtualList);
// clicking a claim or a packet opens its deal in its CRM tab.
import { browser } from 'wxt/browser';
import { useT } from '../shared/i18n';
import { SyncStatusLine } from '../shared/SyncStatusLine';
import { ManagedServerPointer } from '../shared/ManagedServerPointer';
import { ClaimLookup } from './ClaimLookup';
import { ClaimsList } from './ClaimsList';
import { NeedsMe } from './NeedsMe';
import { PacketsList } from './PacketsList';

export function PopupApp() {
  const t = useT();
  return (
    <div className="popup">
      <header className="bar">
        <strong className="brand">{t('appName')}</strong>
        <SyncStatusLine />
        <button type="button" className="icon" onClick={() => void browser.runtime.openOptionsPage()}>
          ⚙
        </button>
      </header>
      <ManagedServerPointer />
      <ClaimLookup />
      <NeedsMe />
      <ClaimsList />
      <h2>{t('packets.mine')}</h2>
      <PacketsList />
    </div>
  );
}
