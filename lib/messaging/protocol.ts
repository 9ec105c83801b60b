// Messages between the content script, the background and the sidebar frame.
// The content script never talks to the sidebar with window.postMessage (the CRM
// page could forge or read it, DESIGN.md §3): it sends runtime messages to the
// background, which relays them to the sidebar's port for the same tab.
import type { DealIdentity, DealSnapshot } from '@/lib/crm/types';

/** What the content script knows about the deal shown in its tab. */
export interface TabDealState {
  identity: DealIdentity;
  /** adapter's display name, e.g. "Salesforce" */
  crmName: string;
  snapshot: DealSnapshot;
  /** false when the bounded wait ran out before the record rendered */
  ready: boolean;
  href: string;
  /** fields this adapter has locators for (others are not expected on the page) */
  expectedFields: string[];
  /** when the page was read (ms since epoch) */
  readAt: number;
  /** phones and emails the page shows, raw, for pre-filling a claim's keys */
  contacts?: { phones: string[]; emails: string[] };
}

export type ContentToBackground =
  | { type: 'deal:update'; state: TabDealState }
  | { type: 'deal:none' };

export type BackgroundToSidebar =
  | { type: 'deal:state'; state: TabDealState | null };

export type SidebarToBackground = { type: 'deal:get' };

export const SIDEBAR_PORT = 'baton-sidebar';
