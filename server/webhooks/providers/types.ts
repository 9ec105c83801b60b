// What every chat tool adapter provides: its message body (with mentions and
// the keyword), its signing, its documented pace, and its judgement of an
// answer. The tools answer a refused message with HTTP 200 and an error code
// in the body, so delivery is judged here, per tool, never by status alone.
import type { ChatIdentity, WebhookKind } from '@/lib/webhooks/config-schema';

/** A person a notice is for: @mentioned with whatever identity the tool takes. */
export interface Mention {
  name: string;
  chat: ChatIdentity;
}

/** One chat message: a notice, or a digest of several. */
export interface ChatMessage {
  title: string;
  lines: string[];
  url?: string;
  mentions: Mention[];
}

/** A robot as configured by the team's admin. */
export interface Robot {
  url: string;
  /** DingTalk 加签 / Feishu signing secret */
  secret: string | null;
  /** a word the robot's keyword security requires in every message */
  keyword: string | null;
}

export interface ChatRequest {
  url: string;
  body: unknown;
}

/** How a send went, by the tool's own answer. */
export type Verdict =
  | { outcome: 'delivered' }
  /** try again: after `afterMs` (the tool's rate-limit window) or, when null, with backoff */
  | { outcome: 'retry'; afterMs: number | null; rateLimited: boolean; message: string }
  /** refused for good (bad signature, keyword missing, robot removed): shown to admins, not retried */
  | { outcome: 'failed'; message: string };

export interface ChatProvider {
  kind: WebhookKind;
  /** the documented sending limit per robot: at most `perMinute` a minute, and `minGapMs` between two */
  perMinute: number;
  minGapMs: number;
  /** the longest message content the tool takes, in UTF-8 bytes */
  maxContentBytes: number;
  /** the unsigned body (what a receiver reads) */
  body(m: ChatMessage, robot: Robot): unknown;
  /** the request to send, signed at `now` where the robot has a secret */
  request(m: ChatMessage, robot: Robot, now: Date): ChatRequest;
  judge(status: number, retryAfter: string | null, text: string): Verdict;
}

/**
 * A tool's `request`: its body posted to the robot's URL; when the robot has a
 * secret and the tool signs (`sign`), the signature is added where that tool
 * takes it (URL or body), for the time `now`.
 */
export function requestWith<B>(body: (m: ChatMessage, robot: Robot) => B, sign?: (req: { url: string; body: B }, secret: string, now: Date) => ChatRequest): ChatProvider['request'] {
  return (m, robot, now) => {
    const req = { url: robot.url, body: body(m, robot) };
    return robot.secret && sign ? sign(req, robot.secret, now) : req;
  };
}

/** The keyword in front of the title when the title does not already carry it. */
export const withKeyword = (title: string, robot: Robot) => (robot.keyword && !title.includes(robot.keyword) ? `${robot.keyword} · ${title}` : title);

/** A mainland China number as the 11 digits the tools' examples use; other numbers stay E.164. */
export const chatMobile = (e164: string) => (e164.startsWith('+86') ? e164.slice(3) : e164);

/** The answer's JSON object, or null when it is not one (a proxy's error page). */
export function jsonAnswer(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Transport trouble and server errors are retried with backoff. */
export function httpTrouble(status: number, text: string): Verdict | null {
  if (status === 429) return { outcome: 'retry', afterMs: null, rateLimited: true, message: `HTTP 429 ${text.slice(0, 200)}`.trim() };
  if (status >= 500 || status === 408) return { outcome: 'retry', afterMs: null, rateLimited: false, message: `HTTP ${status}` };
  return null;
}

/**
 * A `{errcode, errmsg}` answer (DingTalk, WeCom): 0 delivered; a `tooFast`
 * code retried after `windowMs`; -1 ("system busy") with backoff; any other
 * code refused for good with the tool's message.
 */
export function judgeErrcode(tool: string, status: number, text: string, tooFast: readonly number[], windowMs: number): Verdict {
  const trouble = httpTrouble(status, text);
  if (trouble) return trouble;
  const a = jsonAnswer(text);
  if (!a || typeof a.errcode !== 'number') return { outcome: 'retry', afterMs: null, rateLimited: false, message: `HTTP ${status}: not a ${tool} answer` };
  const message = `${a.errcode} ${String(a.errmsg ?? '')}`.trim();
  if (a.errcode === 0) return { outcome: 'delivered' };
  if (tooFast.includes(a.errcode)) return { outcome: 'retry', afterMs: windowMs, rateLimited: true, message };
  if (a.errcode === -1) return { outcome: 'retry', afterMs: null, rateLimited: false, message };
  return { outcome: 'failed', message };
}
