// The messages a content script sends (its part of the runtime message map,
// messages.ts) and the window message it posts to its own sidebar frame. Kept
// apart so the content script, which every CRM page loads (30 KB gzip budget,
// issue 14), bundles only these schemas, not the extension pages' messages.
import * as z from 'zod/mini';
import { dealIdentitySchema, dealSnapshotSchema } from '@/lib/crm/types';
import { layoutModeSchema } from '@/lib/sidebar/layout';
import { message } from './message-map';

/** What the content script knows about the deal shown in its tab. */
export const tabDealStateSchema = z.object({
  identity: dealIdentitySchema,
  /** adapter's display name, e.g. "Salesforce" */
  crmName: z.string(),
  /** the adapter's own layout, until the user picks one for this CRM */
  layout: z.optional(layoutModeSchema),
  snapshot: dealSnapshotSchema,
  /** false when the bounded wait ran out before the record rendered */
  ready: z.boolean(),
  /** true right after a navigation, before the new record's view was read: no values yet */
  reading: z.optional(z.boolean()),
  href: z.string(),
  /** fields this adapter has locators for (others are not expected on the page) */
  expectedFields: z.array(z.string()),
  /** when the page was read (ms since epoch) */
  readAt: z.number(),
  /** phones and emails the page shows, raw, for pre-filling a claim's keys */
  contacts: z.optional(z.object({ phones: z.array(z.string()), emails: z.array(z.string()) })),
});
export type TabDealState = z.infer<typeof tabDealStateSchema>;

/** Runtime messages a content script sends the background. */
export const CONTENT_MESSAGES = {
  'deal:update': message('deal:update', 'content', { state: tabDealStateSchema }, z.undefined()),
  'deal:none': message('deal:none', 'content', {}, z.undefined()),
  /** a one-time nonce for the sidebar frame this content script just loaded; null: the sender is not a tab's top frame; no answer: the background is restarting */
  'frame:mint': message('frame:mint', 'content', {}, z.optional(z.nullable(z.object({ nonce: z.string() })))),
};

/**
 * The window message a content script posts to its own sidebar frame's window
 * (targetOrigin: the extension's origin), so the page never sees the nonce;
 * the sidebar hands it to the background in its first port message.
 */
export const FRAME_NONCE_MESSAGE = 'baton:frame-nonce';
export const frameNonceMessageSchema = z.object({ type: z.literal(FRAME_NONCE_MESSAGE), nonce: z.string().check(z.maxLength(128)) });
export type FrameNonceMessage = z.infer<typeof frameNonceMessageSchema>;
