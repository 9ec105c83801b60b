// A team's own language model for drafting (issue 19 item 4): an
// OpenAI-compatible chat-completions endpoint the team runs or rents (many
// Chinese teams self-host one: Qwen, DeepSeek, GLM behind vLLM or Ollama).
// Off by default; without it everything else works and no key is needed.
// The key is kept on the server and never sent back to any page.
import { z } from 'zod';

/**
 * The endpoint's base address, as OpenAI-compatible servers document it
 * (`https://api.deepseek.com/v1`, `http://10.0.0.5:11434/v1`): Baton posts to
 * `<base>/chat/completions`. http is allowed (a model on the team's own
 * network); the admin who sets it decides where packet text may go.
 */
function isBaseAddress(u: string): boolean {
  try {
    const url = new URL(u);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.search && !url.hash && !url.username && !url.password;
  } catch {
    return false;
  }
}
const endpoint = z
  .string()
  .trim()
  .max(500)
  .refine((u) => u === '' || isBaseAddress(u), { message: 'an http(s) base address without ?, # or a password', params: { issue: 'url' } });

/** The stored policy (team_drafting.policy). `apiKey` null: the endpoint takes no key. */
export const draftingPolicySchema = z.strictObject({
  enabled: z.boolean().default(false),
  endpoint: endpoint.default(''),
  /** the model name the endpoint expects ("qwen2.5:7b-instruct", "deepseek-chat") */
  model: z.string().trim().max(200).default(''),
  apiKey: z.string().max(500).nullable().default(null),
});
export type DraftingPolicy = z.infer<typeof draftingPolicySchema>;

export const DEFAULT_DRAFTING_POLICY: DraftingPolicy = { enabled: false, endpoint: '', model: '', apiKey: null };

/** What pages see of the policy: never the key, only whether there is one. */
export const draftingViewSchema = z.object({ enabled: z.boolean(), endpoint: z.string(), model: z.string(), hasKey: z.boolean() });
export type DraftingView = z.infer<typeof draftingViewSchema>;

export const draftingView = (p: DraftingPolicy): DraftingView => ({ enabled: p.enabled, endpoint: p.endpoint, model: p.model, hasKey: p.apiKey !== null });

/**
 * An admin's change. `apiKey` left out keeps the stored key, `null` removes it.
 * Turning drafting on needs an endpoint and a model (400 on `endpoint` / `model`).
 */
export const draftingBodySchema = z
  .strictObject({
    enabled: z.boolean(),
    endpoint,
    model: z.string().trim().max(200),
    // sent as an HTTP header: printable ASCII only (a pasted line break would also make the runtime quote the key in its error)
    apiKey: z.string().trim().min(1).max(500).regex(/^[\x21-\x7e]+$/).nullable().optional(),
  })
  .superRefine((b, ctx) => {
    if (!b.enabled) return;
    if (!b.endpoint) ctx.addIssue({ code: 'custom', path: ['endpoint'], message: 'needed when drafting is on', params: { issue: 'required' } });
    if (!b.model) ctx.addIssue({ code: 'custom', path: ['model'], message: 'needed when drafting is on', params: { issue: 'required' } });
  });
export type DraftingBody = z.infer<typeof draftingBodySchema>;

/** The stored policy after `body` (the key kept when the body leaves it out). */
export const applyDraftingBody = (before: DraftingPolicy, body: DraftingBody): DraftingPolicy => ({
  enabled: body.enabled,
  endpoint: body.endpoint,
  model: body.model,
  apiKey: body.apiKey === undefined ? before.apiKey : body.apiKey,
});
