// The browser side of the message map (messages.ts): sending a runtime message
// and parsing its answer, receiving one with the sender check its entry names,
// and parsing port messages. Nothing received is trusted by its type alone.
import { browser, type Browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { describeIssues, type Sender } from './message-map';
import { RUNTIME_MESSAGES, type RuntimeAnswer, type RuntimeRequest, type RuntimeType } from './messages';
import { sendOn } from './send-message';

/** True when the sender is the content script in a tab's top frame, not an extension page. */
export function isTopFrameContent(sender: Browser.runtime.MessageSender): boolean {
  return sender.tab?.id !== undefined && sender.frameId === 0 && !sender.url?.startsWith(browser.runtime.getURL('/'));
}

/** True when the sender is one of the extension's own pages (a page outside any tab, or an extension page in one). */
export function isExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return !sender.tab || !!sender.url?.startsWith(browser.runtime.getURL('/'));
}

const SENDER_CHECKS: Partial<Record<Sender, (s: Browser.runtime.MessageSender) => boolean>> = { content: isTopFrameContent, page: isExtensionPage };

/** Parses what arrived against a schema; logs and gives null when it does not fit (`what` names it in the log). */
export function parseReceived<S extends z.core.$ZodType>(schema: S, raw: unknown, what: string): z.infer<S> | null {
  const parsed = z.safeParse(schema, raw);
  if (parsed.success) return parsed.data;
  console.warn(`Baton: refused a malformed ${what}: ${describeIssues(parsed.error)}`);
  return null;
}

/** Sends a runtime message to the background; the answer is parsed with the map's schema (a malformed one rejects). */
export const sendRuntime = <T extends RuntimeType>(msg: RuntimeRequest<T> & { type: T }): Promise<RuntimeAnswer<T>> => sendOn<typeof RUNTIME_MESSAGES, T>(RUNTIME_MESSAGES, msg);

type Handlers<T extends RuntimeType> = {
  [K in T]: (msg: RuntimeRequest<K>, sender: Browser.runtime.MessageSender) => Promise<RuntimeAnswer<K>> | RuntimeAnswer<K> | void;
};

/**
 * Answers the runtime messages of the given types. Another type is left to
 * other listeners; a sender the map does not allow gets no answer; a
 * malformed message is refused: the sender's promise rejects with the field
 * and the problem, and the handler never runs.
 */
export function onRuntimeMessages<T extends RuntimeType>(handlers: Handlers<T>): void {
  const owns = (type: unknown): type is T => typeof type === 'string' && Object.hasOwn(handlers, type);
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const type: unknown = typeof raw === 'object' && raw !== null && 'type' in raw ? raw.type : undefined;
    if (!owns(type)) return undefined;
    const entry = RUNTIME_MESSAGES[type];
    if (!(SENDER_CHECKS[entry.from]?.(sender) ?? false)) return undefined;
    const parsed = z.safeParse(entry.request, raw);
    if (!parsed.success) {
      const error = `Baton refused a malformed ${type} message: ${describeIssues(parsed.error)}`;
      console.warn(error);
      return Promise.reject(new Error(error));
    }
    // The message was parsed with its own type's schema above (TypeScript cannot correlate the two).
    const answer: unknown = Reflect.apply(handlers[type], undefined, [parsed.data, sender]);
    return answer;
  });
}
