// The form every message map's entries share (content-messages.ts,
// messages.ts, db-messages.ts): who may send a message, the zod schema of its
// request and of its answer; and how a refused message's error reads.
// zod "mini" (the content script imports it, issue 14's bundle budget); an
// entry may carry classic zod schemas: both are zod core schemas.
import * as z from 'zod/mini';

/**
 * Who may send a message: `content`, the content script in a tab's top frame;
 * `page`, an extension page (options, popup, sidebar); `sidebar`, a sidebar
 * frame that proved Baton's content script mounted it; `background`, the
 * service worker (to a port it holds).
 */
export type Sender = 'content' | 'page' | 'sidebar' | 'background';

/** One entry of a map: the request's schema (its `type` plus these fields), who may send it, and the answer's schema. */
export const message = <T extends string, S extends z.core.$ZodShape, A extends z.core.$ZodType>(type: T, from: Sender, shape: S, answer: A) => ({
  from,
  request: z.object({ type: z.literal(type), ...shape }),
  answer,
});

/** A map of entries by message type. */
export type MessageMap = Record<string, { from: Sender; request: z.core.$ZodType; answer: z.core.$ZodType }>;
export type MapRequest<M extends MessageMap, T extends keyof M = keyof M> = z.infer<M[T]['request']>;
export type MapAnswer<M extends MessageMap, T extends keyof M> = z.infer<M[T]['answer']>;

/** "field.path: what is wrong; …" — for a refused message's error. */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`)
    .join('; ');
}
