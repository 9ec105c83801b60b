// Every message between the extension's contexts, in one typed map: its type,
// who may send it, the zod schema of the request and of the answer. Receivers
// parse with these (extension/messaging/channel.ts, the db port, the sidebar
// port): a malformed message is refused with an error naming the field, never
// acted on. Three transports carry them:
// - runtime messages (browser.runtime.sendMessage): a content script or an
//   extension page asks the background;
// - the sidebar port (SIDEBAR_PORT): the sidebar frame proves itself and is
//   told its tab's deal. The content script never talks to the sidebar with
//   window.postMessage (the CRM page could forge or read it): the background
//   relays, and only to a proven frame (frame-gate.background.ts);
// - the database port (DB_PORT, its requests in db-messages.ts, kept apart so
//   the content script does not bundle the packet and claim schemas): the
//   sidebar frame reaches the one Dexie database through the background, since
//   IndexedDB is denied to a frame inside a CRM page when the browser blocks
//   third-party storage.
import { z } from 'zod';
import { dealIdentitySchema, dealSnapshotSchema } from '@/lib/crm/types';
import { layoutModeSchema } from '@/lib/sidebar/layout';

export const SIDEBAR_PORT = 'baton-sidebar';

/** What the content script knows about the deal shown in its tab. */
export const tabDealStateSchema = z.object({
  identity: dealIdentitySchema,
  /** adapter's display name, e.g. "Salesforce" */
  crmName: z.string(),
  /** the adapter's own layout, until the user picks one for this CRM */
  layout: layoutModeSchema.optional(),
  snapshot: dealSnapshotSchema,
  /** false when the bounded wait ran out before the record rendered */
  ready: z.boolean(),
  /** true right after a navigation, before the new record's view was read: no values yet */
  reading: z.boolean().optional(),
  href: z.string(),
  /** fields this adapter has locators for (others are not expected on the page) */
  expectedFields: z.array(z.string()),
  /** when the page was read (ms since epoch) */
  readAt: z.number(),
  /** phones and emails the page shows, raw, for pre-filling a claim's keys */
  contacts: z.object({ phones: z.array(z.string()), emails: z.array(z.string()) }).optional(),
});
export type TabDealState = z.infer<typeof tabDealStateSchema>;

/** A server answer relayed by the background: status 0 is offline or signed out; json is the body, or null. Its body is parsed where it is used. */
export const apiAnswerSchema = z.object({ status: z.number().int(), json: z.unknown() });
export type ApiAnswer = z.infer<typeof apiAnswerSchema>;

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const ok = z.object({ ok: z.boolean() });

/**
 * Who may send a message: `content`, the content script in a tab's top frame;
 * `page`, an extension page (options, popup, sidebar); `sidebar`, a sidebar
 * frame that proved Baton's content script mounted it; `background`, the
 * service worker (to a port it holds).
 */
export type Sender = 'content' | 'page' | 'sidebar' | 'background';

/** One entry of the map: the request's schema (its `type` plus these fields), who may send it, and the answer's schema. */
export const message = <T extends string, S extends z.ZodRawShape, A extends z.ZodType>(type: T, from: Sender, shape: S, answer: A) => ({
  from,
  request: z.object({ type: z.literal(type), ...shape }),
  answer,
});

/** Runtime messages (browser.runtime.sendMessage → the background). */
export const RUNTIME_MESSAGES = {
  'deal:update': message('deal:update', 'content', { state: tabDealStateSchema }, z.undefined()),
  'deal:none': message('deal:none', 'content', {}, z.undefined()),
  /** a one-time nonce for the sidebar frame this content script just loaded; null: the sender is not a tab's top frame; no answer: the background is restarting */
  'frame:mint': message('frame:mint', 'content', {}, z.object({ nonce: z.string() }).nullable().optional()),
  /** options page: sign in (the token goes to the background only) */
  'sync:signIn': message(
    'sync:signIn',
    'page',
    { serverUrl: z.string(), token: z.string() },
    z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), auth: z.object({ team: z.object({ name: z.string() }) }) }), z.object({ ok: z.literal(false), message: z.string() })]),
  ),
  'sync:signOut': message('sync:signOut', 'page', {}, ok),
  'sync:now': message('sync:now', 'page', {}, ok),
  /** popup and options: a call to /v1/me, /v1/users, /v1/team… or /v1/claims… through the background, which holds the token */
  'api:call': message('api:call', 'page', { method: z.enum(HTTP_METHODS), path: z.string(), body: z.unknown().optional() }, apiAnswerSchema.optional()),
  /** options page: register the content script for these adapter definitions (not yet stored); `origins`: where it now runs, `missing`: named but not granted */
  'custom-adapters:register': message(
    'custom-adapters:register',
    'page',
    { docs: z.array(z.unknown()) },
    z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), origins: z.array(z.string()), missing: z.array(z.string()) }), z.object({ ok: z.literal(false), error: z.string() })]),
  ),
};
export type RuntimeType = keyof typeof RUNTIME_MESSAGES;
export type RuntimeRequest<T extends RuntimeType = RuntimeType> = z.infer<(typeof RUNTIME_MESSAGES)[T]['request']>;
export type RuntimeAnswer<T extends RuntimeType> = z.infer<(typeof RUNTIME_MESSAGES)[T]['answer']>;

/** The sidebar port, sidebar → background: the candidates the frame received, newest last (the page may post forged ones too); then its tab's deal. */
export const sidebarToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('frame:prove'), nonces: z.array(z.string()) }),
  z.object({ type: z.literal('deal:get') }),
]);
export type SidebarToBackground = z.infer<typeof sidebarToBackgroundSchema>;

/** The sidebar port, background → sidebar. */
export const backgroundToSidebarSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('deal:state'), state: tabDealStateSchema.nullable() }),
  /** the frame's proof was accepted (or it was proven before a service-worker restart) */
  z.object({ type: z.literal('frame:proven') }),
  /** no valid proof: the sidebar shows nothing and opens no database port */
  z.object({ type: z.literal('frame:refused') }),
]);
export type BackgroundToSidebar = z.infer<typeof backgroundToSidebarSchema>;

/**
 * The window message a content script posts to its own sidebar frame's window
 * (targetOrigin: the extension's origin), so the page never sees the nonce;
 * the sidebar hands it to the background in its first port message.
 */
export const FRAME_NONCE_MESSAGE = 'baton:frame-nonce';
export const frameNonceMessageSchema = z.object({ type: z.literal(FRAME_NONCE_MESSAGE), nonce: z.string().max(128) });
export type FrameNonceMessage = z.infer<typeof frameNonceMessageSchema>;

/** "field.path: what is wrong; …" — for a refused message's error. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`)
    .join('; ');
}
