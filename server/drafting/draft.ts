// A draft of "why we won" or "expectations" from the team's own model
// (issue 19 item 4): the packet's activities and notes go to the endpoint the
// team's admin configured, and nowhere else; the answer comes back as a
// proposal (lib/drafting/draft-request.ts). Nothing is written to the packet.
import { and, eq } from 'drizzle-orm';
import { chatAnswerSchema, type ChatRequest } from '@/lib/drafting/chat-completion';
import { draftMessages, readDraft, type DraftAnswer, type DraftBody } from '@/lib/drafting/draft-request';
import { packetLanguage } from '@/lib/drafting/packet-language';
import type { DraftingPolicy } from '@/lib/drafting/drafting-policy';
import { storedPacketSchema } from '@/lib/packet/schema';
import { audit } from '../audit';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { packets } from '../db/schema';
import { ApiError, notFound } from '../http/errors';
import { requireRole } from '../http/auth';
import { visibleTo } from '../packets/access';
import { draftingPolicyFor } from './drafting-policy-store';

/** How long a model may take: small self-hosted models on a CPU are slow; a person waits with a progress indicator. */
export const MODEL_TIMEOUT_MS = 90_000;
/** The most of an answer read (a runaway model or a wrong endpoint answering a page). */
const MAX_ANSWER_BYTES = 1_000_000;

const modelError = (code: string, why: string, extra: Record<string, unknown> = {}) => new ApiError(502, code, `The team's model could not draft: ${why}.`, null, extra);

/**
 * The endpoint's answer text; errors: 502 model_unreachable, model_timeout, model_refused (status), model_answer.
 * `detail`: the network error's own words (they name the address) for those shown the address (managers, admins).
 */
async function complete(policy: DraftingPolicy, request: ChatRequest, detail: boolean): Promise<{ text: string; model: string }> {
  let res: Response;
  try {
    res = await fetch(`${policy.endpoint.replace(/\/+$/, '')}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(policy.apiKey ? { authorization: `Bearer ${policy.apiKey}` } : {}) },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(MODEL_TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (e) {
    if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) throw modelError('model_timeout', `no answer within ${MODEL_TIMEOUT_MS / 1000} s`, { seconds: MODEL_TIMEOUT_MS / 1000 });
    const why = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
    // The runtime's header errors quote the header: never the key in an answer.
    if (!detail) throw modelError('model_unreachable', 'its address cannot be reached (a manager or an admin who drafts sees why)');
    throw modelError('model_unreachable', policy.apiKey ? why.split(policy.apiKey).join('[key]') : why);
  }
  const body = await res.text().catch(() => '');
  if (!res.ok) throw modelError('model_refused', `the endpoint answered ${res.status}`, { upstreamStatus: res.status });
  if (body.length > MAX_ANSWER_BYTES) throw modelError('model_answer', 'its answer is too long');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw modelError('model_answer', 'its answer is not JSON (is the address the /v1 base of an OpenAI-compatible server?)');
  }
  const answer = chatAnswerSchema.safeParse(json);
  const text = answer.success ? answer.data.choices[0]!.message.content?.trim() : undefined;
  if (!answer.success || !text) throw modelError('model_answer', 'its answer has no message text');
  return { text, model: answer.data.model ?? request.model };
}

/**
 * A draft of `body.kind` for the packet `body.key` (one the caller sees: 404
 * otherwise; reps, managers and admins: 403 for CSMs), in the packet's
 * language. Errors: 409 drafting_off (the team has no model), 502 model_* (the
 * model failed; the packet is untouched). Audited (who, which packet, which
 * endpoint host), never the text.
 */
export async function draftFor(db: Db, caller: Caller, body: DraftBody): Promise<DraftAnswer> {
  requireRole(caller, ['rep', 'manager', 'admin'], 'draft packet sections');
  const [row] = await db.select({ data: packets.data }).from(packets).where(and(visibleTo(caller), eq(packets.key, body.key))).limit(1);
  if (!row) throw notFound('No such packet (or not yours to see).');
  const policy = await draftingPolicyFor(db, caller.teamId);
  if (!policy.enabled || !policy.endpoint || !policy.model) throw new ApiError(409, 'drafting_off', 'The team has not set up a drafting model (options page, admins).');
  const packet = storedPacketSchema.parse(row.data);
  const language = packetLanguage(packet, body.locale);
  const request: ChatRequest = { model: policy.model, messages: draftMessages(packet, body.kind, language), temperature: 0.2, stream: false };
  await audit(db, { teamId: caller.teamId, userId: caller.userId, action: 'packet.draft', packetKey: body.key, after: { kind: body.kind, host: new URL(policy.endpoint).host, model: policy.model } });
  const { text, model } = await complete(policy, request, caller.role === 'manager' || caller.role === 'admin');
  return { kind: body.kind, language, model, ...readDraft(body.kind, text) };
}
