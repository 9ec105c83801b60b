// Sending a runtime message to the background, its answer parsed with the
// map's schema. Apart from channel.ts (the receiving side, which needs the
// whole runtime map) so the content script sends with its own map only and
// bundles no other message's schemas (issue 14's budget).
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { CONTENT_MESSAGES } from './content-messages';
import { describeIssues, type MapAnswer, type MapRequest, type MessageMap } from './message-map';

/** Sends `msg` to the background; the answer is parsed with `map`'s entry for its type (a malformed one rejects). */
export function sendOn<M extends MessageMap, T extends keyof M & string>(map: M, msg: MapRequest<M, T> & { type: T }): Promise<MapAnswer<M, T>>;
// (one signature for callers; here the answer is the parse of its own type's schema, which TypeScript cannot correlate)
export async function sendOn(map: MessageMap, msg: { type: string }): Promise<unknown> {
  const raw: unknown = await browser.runtime.sendMessage(msg);
  const entry = map[msg.type];
  if (!entry) throw new Error(`Baton: no message ${msg.type}`);
  const parsed = z.safeParse(entry.answer, raw);
  if (!parsed.success) throw new Error(`Baton: the background's answer to ${msg.type} is malformed: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

type ContentType = keyof typeof CONTENT_MESSAGES;

/** A content script's message to the background (content-messages.ts). */
export const sendFromContent = <T extends ContentType>(msg: MapRequest<typeof CONTENT_MESSAGES, T> & { type: T }): Promise<MapAnswer<typeof CONTENT_MESSAGES, T>> => sendOn<typeof CONTENT_MESSAGES, T>(CONTENT_MESSAGES, msg);
