// Messages between the content script, the background and the sidebar frame.
// The content script never talks to the sidebar with window.postMessage (the CRM
// page could forge or read it, docs/architecture.md): it sends runtime messages to the
// background, which relays them to the sidebar's port for the same tab.
import type { DealIdentity, DealSnapshot } from '@/lib/crm/types';
import type { LayoutMode } from '../../lib/sidebar/layout';

/** What the content script knows about the deal shown in its tab. */
export interface TabDealState {
  identity: DealIdentity;
  /** adapter's display name, e.g. "Salesforce" */
  crmName: string;
  /** the adapter's own layout (push or overlay), until the user picks one for this CRM */
  layout?: LayoutMode;
  snapshot: DealSnapshot;
  /** false when the bounded wait ran out before the record rendered */
  ready: boolean;
  /** true right after a navigation, before the new record's view was read: no values yet */
  reading?: boolean;
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
  | { type: 'deal:none' }
  /** asks for a one-time nonce for the sidebar frame this content script just loaded */
  | { type: 'frame:mint' };

/** The background's answer to `frame:mint`: null when the sender is not a tab's top frame. */
export type FrameMintAnswer = { nonce: string } | null;

export type BackgroundToSidebar =
  | { type: 'deal:state'; state: TabDealState | null }
  /** the frame's proof was accepted (or it was proven before a service-worker restart) */
  | { type: 'frame:proven' }
  /** no valid proof: the sidebar shows nothing and opens no database port */
  | { type: 'frame:refused' };

/** `frame:prove` carries the candidates the frame received, newest last (the page may post forged ones too). */
export type SidebarToBackground = { type: 'frame:prove'; nonces: string[] } | { type: 'deal:get' };

/**
 * The window message a content script posts to its own sidebar frame's
 * window (targetOrigin: the extension's origin), so the page never sees the
 * nonce; the sidebar hands it to the background in its first port message.
 */
export interface FrameNonceMessage {
  type: 'baton:frame-nonce';
  nonce: string;
}
export const FRAME_NONCE_MESSAGE = 'baton:frame-nonce';

export const SIDEBAR_PORT = 'baton-sidebar';
