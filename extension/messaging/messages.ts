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
// The content script's own messages are in content-messages.ts, and the form
// of an entry in message-map.ts. zod "mini", like the schemas it nests.
import * as z from 'zod/mini';
import { dealExtrasSchema } from '@/lib/crm/deal-extras';
import { dealIdentitySchema } from '@/lib/crm/types';
import { CONTENT_MESSAGES, tabDealStateSchema } from './content-messages';
import { EXTRAS_MESSAGES } from './extras-messages';
import { message, type MapAnswer, type MapRequest } from './message-map';

export const SIDEBAR_PORT = 'baton-sidebar';

/** A server answer relayed by the background: status 0 is offline or signed out; json is the body, or null. Its body is parsed where it is used. */
export const apiAnswerSchema = z.object({ status: z.int(), json: z.unknown() });
export type ApiAnswer = z.infer<typeof apiAnswerSchema>;

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const ok = z.object({ ok: z.boolean() });

/** Every sign-in's answer to the options page: the team, or the failure in the person's language (the token stays in the background). */
const signInAnswer = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), auth: z.object({ team: z.object({ name: z.string() }) }) }), z.object({ ok: z.literal(false), message: z.string() })]);

/** Runtime messages (browser.runtime.sendMessage → the background). */
export const RUNTIME_MESSAGES = {
  ...CONTENT_MESSAGES,
  ...EXTRAS_MESSAGES,
  /** options page: sign in (the token goes to the background only) */
  'sync:signIn': message('sync:signIn', 'page', { serverUrl: z.string(), token: z.string() }, signInAnswer),
  /** options page: sign in with the company account (OpenID Connect in the browser's sign-in window); team: number or name */
  'auth:company': message('auth:company', 'page', { serverUrl: z.string(), team: z.union([z.number(), z.string()]) }, signInAnswer),
  /** options page: sign in with an invite's one-time code */
  'auth:code': message('auth:code', 'page', { serverUrl: z.string(), email: z.string(), code: z.string() }, signInAnswer),
  'sync:signOut': message('sync:signOut', 'page', {}, ok),
  'sync:now': message('sync:now', 'page', {}, ok),
  /** popup and options: a call to /v1/me, /v1/users, /v1/team… or /v1/claims… through the background, which holds the token */
  'api:call': message('api:call', 'page', { method: z.enum(HTTP_METHODS), path: z.string(), body: z.optional(z.unknown()) }, z.optional(apiAnswerSchema)),
  /** options page: register the content script for these adapter definitions (not yet stored); `origins`: where it now runs, `missing`: named but not granted */
  'custom-adapters:register': message(
    'custom-adapters:register',
    'page',
    { docs: z.array(z.unknown()) },
    z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), origins: z.array(z.string()), missing: z.array(z.string()) }), z.object({ ok: z.literal(false), error: z.string() })]),
  ),
};
export type RuntimeType = keyof typeof RUNTIME_MESSAGES;
export type RuntimeRequest<T extends RuntimeType = RuntimeType> = MapRequest<typeof RUNTIME_MESSAGES, T>;
export type RuntimeAnswer<T extends RuntimeType> = MapAnswer<typeof RUNTIME_MESSAGES, T>;

/** The sidebar port, sidebar → background: the candidates the frame received, newest last (the page may post forged ones too); then its tab's deal. */
export const sidebarToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('frame:prove'), nonces: z.array(z.string()) }),
  z.object({ type: z.literal('deal:get') }),
  /** read what the page shows besides the deal facts (issue 19): the background injects the extras reader, which answers with deal:extras now and whenever the page changes */
  z.object({ type: z.literal('extras:get') }),
]);
export type SidebarToBackground = z.infer<typeof sidebarToBackgroundSchema>;

/** The sidebar port, background → sidebar. */
export const backgroundToSidebarSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('deal:state'), state: z.nullable(tabDealStateSchema) }),
  /** the frame's proof was accepted (or it was proven before a service-worker restart) */
  z.object({ type: z.literal('frame:proven') }),
  /** no valid proof: the sidebar shows nothing and opens no database port */
  z.object({ type: z.literal('frame:refused') }),
  /** the extras of the deal `identity`, read from the tab's record on screen (only ever for the deal the tab reports) */
  z.object({ type: z.literal('deal:extras'), identity: dealIdentitySchema, extras: dealExtrasSchema }),
]);
export type BackgroundToSidebar = z.infer<typeof backgroundToSidebarSchema>;
