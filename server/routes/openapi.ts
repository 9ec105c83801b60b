// The OpenAPI document, generated from the same zod schemas the routes use.
import { relayPolicySchema } from '@/lib/relay/relay-policy';
import { z } from 'zod';
import * as s from '@/lib/sync/api-schemas';
import * as cs from '@/lib/claims/api-schemas';
import { PACKET_COMMAND_TABLE } from '../packets/commands';
import { CLAIM_COMMANDS } from './claim-commands';
import { chatIdentitySchema, webhookPatchSchema } from '@/lib/webhooks/config-schema';
import * as auth from '@/lib/auth/api-schemas';
import { signInPolicySchema } from '@/lib/auth/sign-in-policy';
import { draftingBodySchema } from '@/lib/drafting/drafting-policy';
import { draftBodySchema } from '@/lib/drafting/draft-request';
import * as retro from '@/lib/engagement/retrospective';
import * as ra from '@/lib/engagement/retrospective-answers';
import { reassignBodySchema } from '@/lib/reassign/api-schemas';

// `open`: served without a token. test/server/routes/openapi.test.ts fails when
// this list and the app's registered routes differ.
type Route = { method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: string; summary: string; body?: z.ZodType; query?: z.ZodType; roles?: string; open?: true; /** answered with an ETag, 304 for If-None-Match (server/http/revalidate.ts) */ etag?: true };

/** A command table's entry as a documented POST route (an empty body is not documented). */
const commandRoute = (path: string, cmd: { summary: string; body: z.ZodType; roles?: string }): Route => ({
  method: 'post',
  path,
  summary: cmd.summary,
  ...(cmd.body === s.emptyBodySchema ? {} : { body: cmd.body }),
  ...(cmd.roles ? { roles: cmd.roles } : {}),
});

export const ROUTES: Route[] = [
  { method: 'get', path: '/v1/health', summary: 'Liveness: the server answers (as /v1/health/live)', open: true },
  { method: 'get', path: '/v1/health/live', summary: 'Liveness: the process answers; asks nothing of the database', open: true },
  { method: 'get', path: '/v1/health/ready', summary: 'Readiness: 200 when the database answers and has every migration; 503 {error: {code: not_ready, reason: database_unreachable | migrations_pending | shutting_down}} otherwise', open: true },
  { method: 'get', path: '/metrics', summary: 'Prometheus metrics (text format); bearer: the metrics token from BATON_METRICS_TOKEN, 404 when none is set', open: true },
  { method: 'get', path: '/v1/openapi.json', summary: 'This document', open: true },
  { method: 'post', path: '/v1/auth/oidc/start', summary: 'Begin signing in with the company account (OpenID Connect): the state, nonce, authorization endpoint and client id for an authorization-code request with PKCE. 409 no_identity_provider', body: auth.oidcStartBodySchema, open: true },
  { method: 'post', path: '/v1/auth/oidc', summary: 'Finish it: the authorization code with its PKCE verifier (exchanged by the server) or an ID token; the ID token is verified (401 oidc_wrong_issuer, oidc_wrong_audience, oidc_expired, oidc_bad_signature, oidc_unknown_key, oidc_nonce_replayed, oidc_nonce_mismatch, oidc_state_unknown, oidc_code_rejected, email_not_verified, email_not_allowed) and a Baton token issued', body: auth.oidcFinishBodySchema, open: true },
  { method: 'post', path: '/v1/auth/code', summary: 'Sign in with an invitation’s one-time code (401 code_invalid, code_expired, code_used; 429 code_locked after 5 wrong codes)', body: auth.codeSignInBodySchema, open: true },
  { method: 'get', path: '/v1/me', summary: 'Who the token belongs to' },
  { method: 'post', path: '/v1/sync/push', summary: 'Apply queued client mutations (idempotent by clientId + mutation id)', body: s.pushBodySchema },
  { method: 'get', path: '/v1/sync/pull', summary: 'Packets changed since a cursor', query: s.pullQuerySchema },
  { method: 'get', path: '/v1/packets', summary: 'List visible packets (paginated)', query: s.listQuerySchema },
  { method: 'get', path: '/v1/packets/{key}', summary: 'One packet' },
  { method: 'get', path: '/v1/packets/{key}/audit', summary: 'Audit log of a packet' },
  // POST /v1/packets/{key}/<command>: from the command table that generates those routes.
  ...Object.entries(PACKET_COMMAND_TABLE).map(([name, cmd]) => commandRoute(`/v1/packets/{key}/${name}`, cmd)),
  { method: 'get', path: '/v1/users', summary: 'Team users', roles: 'admin, manager' },
  { method: 'post', path: '/v1/users', summary: 'Add a user', body: s.createUserBodySchema, roles: 'admin' },
  { method: 'patch', path: '/v1/users/{id}', summary: 'Change role or channel', body: s.updateUserBodySchema, roles: 'admin' },
  { method: 'get', path: '/v1/users/{id}/tokens', summary: 'A user’s tokens (label, created, revoked; never the token)', roles: 'admin' },
  { method: 'post', path: '/v1/users/{id}/tokens', summary: 'Create a token (shown once)', roles: 'admin' },
  { method: 'delete', path: '/v1/tokens/{id}', summary: 'Revoke a token', roles: 'admin, or the token owner' },
  { method: 'get', path: '/v1/team/sign-in', summary: 'How the team signs in: identity provider (issuer, client id), invited people only or also allowed email domains (created with a default role)', roles: 'admin, manager' },
  { method: 'put', path: '/v1/team/sign-in', summary: 'Change how the team signs in', body: signInPolicySchema, roles: 'admin' },
  { method: 'get', path: '/v1/team/drafting', summary: 'The team’s drafting model (an OpenAI-compatible endpoint): on or off, model name, whether a key is set (never the key); the address for managers and admins only' },
  { method: 'put', path: '/v1/team/drafting', summary: 'Set the team’s drafting model: endpoint base address (…/v1), model, key (left out: kept; null: removed)', body: draftingBodySchema, roles: 'admin' },
  { method: 'post', path: '/v1/drafts', summary: 'A draft of “why we won” or “expectations” from the packet’s activities and notes, in the packet’s language, by the team’s model; nothing is written to the packet. 409 drafting_off; 502 model_unreachable, model_timeout, model_refused, model_answer', body: draftBodySchema, roles: 'rep (own packets), manager, admin' },
  { method: 'post', path: '/v1/invites', summary: 'Invite a person by email address: they are added with a one-time sign-in code (shown once, to pass on). 409 email_taken', body: auth.inviteBodySchema, roles: 'admin; managers invite reps and CSMs' },
  { method: 'post', path: '/v1/users/{id}/sign-in-code', summary: 'A new one-time sign-in code for a person (earlier ones stop working)', roles: 'admin; managers for reps and CSMs' },
  { method: 'get', path: '/v1/webhooks', summary: 'Team chat webhooks: each with its last delivery, waiting notices and failed ones with the tool’s own message (URL masked, secret never returned)', roles: 'admin, manager' },
  { method: 'post', path: '/v1/webhooks', summary: 'Add a WeCom / DingTalk / Feishu / Slack webhook (DingTalk 加签 / Feishu signing secret and keyword optional)', body: s.webhookBodySchema, roles: 'admin, manager' },
  { method: 'patch', path: '/v1/webhooks/{id}', summary: 'Change a webhook’s address, name, secret or keyword (null clears)', body: webhookPatchSchema, roles: 'admin, manager' },
  { method: 'delete', path: '/v1/webhooks/{id}', summary: 'Remove a webhook (its waiting notices are marked failed)', roles: 'admin, manager' },
  { method: 'post', path: '/v1/webhooks/{id}/test', summary: 'Send a test message now; the result is the tool’s own answer', roles: 'admin, manager' },
  { method: 'post', path: '/v1/users/{id}/reassignment/preview', summary: 'What reassigning this person’s customers would move (live claims, open packets, accepted packets held as CSM), to whom, with each packet’s note; nothing is written. 409 cannot_reassign, deactivated; 400 with the field path (receivers, choices, notes, newRole)', body: reassignBodySchema, roles: 'manager, admin (a new role beyond rep or CSM: admin)' },
  { method: 'post', path: '/v1/users/{id}/reassignment', summary: 'Reassign all of this person’s customers in one transaction: claims and packets move (audited, a handoff note each, a notice to every receiver), the person’s tokens and sign-in codes are revoked and the account deactivated (leaves) or given its new role (changesRole). 409 plan_changed when `expected` differs from what the person holds', body: reassignBodySchema, roles: 'manager, admin (a new role beyond rep or CSM: admin)' },
  { method: 'get', path: '/v1/me/handoffs', summary: 'Claims and packets handed to me by a reassignment that I have not acknowledged: whose they were, who reassigned them, why, and the note' },
  { method: 'post', path: '/v1/me/handoffs/{id}/ack', summary: 'Acknowledge a handoff of mine (it leaves “needs me”)' },
  { method: 'put', path: '/v1/users/{id}/chat', summary: 'A person’s chat identity for @mentions (mobile in E.164, DingTalk / WeCom / Feishu / Slack ids)', body: chatIdentitySchema, roles: 'admin, or the person' },
  { method: 'post', path: '/v1/claims', summary: 'Claim a customer, or one department / product line of it (`line`), by one or several keys. 409 already_claimed (until, line), daily_cap / claim_limit / reclaim_cooldown (anti-hoarding: limit, count, until); 400 with the key path and `reason` (phone_incomplete, phone_no_region, free_mail …)', body: cs.createClaimBodySchema },
  { method: 'get', path: '/v1/claims', summary: 'My claims, or the team’s (managers)', query: cs.listClaimsQuerySchema },
  { method: 'get', path: '/v1/claims/lookup', summary: 'Is this customer (or this line of it) free, taken (until when, which line) or in the pool? Aliases and linked phones count', query: cs.lookupQuerySchema },
  { method: 'get', path: '/v1/claims/aliases', summary: 'The other names linked to a key, with who linked them and when (removed ones too)', query: cs.aliasListQuerySchema },
  { method: 'post', path: '/v1/claims/aliases', summary: 'Link two names of one customer (409 alias_taken when the other name is someone else’s, alias_exists)', body: cs.aliasBodySchema, roles: 'manager, admin, or the rep holding a live claim on one of the names' },
  { method: 'delete', path: '/v1/claims/aliases/{id}', summary: 'Unlink two names (kept in the history and the audit log)', roles: 'manager, admin, or whoever linked them' },
  { method: 'get', path: '/v1/claims/{id}/history', summary: 'Earlier claims of the customer: holders (partners see only themselves), how each ended, stage evidence, conflicts, kept packets, alias history', roles: 'the claim’s holder, manager, admin' },
  // POST /v1/claims/{id}/<command>: from the command table that generates those routes.
  ...CLAIM_COMMANDS.map((cmd) => commandRoute(`/v1/claims/{id}/${cmd.path}`, cmd)),
  { method: 'get', path: '/v1/claims/policy', summary: 'The claim policy in force', etag: true },
  { method: 'put', path: '/v1/claims/policy', summary: 'A new policy version, in force from now', body: cs.policyBodySchema, roles: 'manager, admin' },
  { method: 'get', path: '/v1/team/engagement', summary: 'The team’s engagement policy: rule thresholds, stage → progress map, intro clock and intro texts', etag: true },
  { method: 'put', path: '/v1/team/engagement', summary: 'Change the engagement policy', body: s.engagementBodySchema, roles: 'manager, admin' },
  { method: 'get', path: '/v1/team/relay', summary: 'The team’s relay: its stages in order (sales → CS by default; optionally sales → implementation → CS), each stage’s receiving role, SLA in hours and checklist', etag: true },
  { method: 'put', path: '/v1/team/relay', summary: 'Change the relay; packets already handed on keep their route (400 with the field path)', body: relayPolicySchema, roles: 'admin' },
  { method: 'get', path: '/v1/team/template', summary: 'The team’s checklist template (the default one until changed)', etag: true },
  { method: 'put', path: '/v1/team/template', summary: 'Change the checklist template; existing packets are re-scored, never changed', body: s.templateBodySchema, roles: 'manager, admin' },
  { method: 'post', path: '/v1/team/template/preview', summary: 'How many open packets a proposed template puts below the threshold', body: s.templateBodySchema, roles: 'manager, admin' },
  { method: 'get', path: '/v1/team/health/trends', summary: 'Weekly trends per rep and CSM (ISO weeks, UTC), the handoff funnel, intro SLA and accuracy, filtered by period, rep, CSM and stage', query: s.healthTrendsQuerySchema, roles: 'manager, admin' },
  { method: 'get', path: '/v1/team/health', summary: 'Team health for a period (default the last 30 days); format=csv for a spreadsheet', query: s.healthQuerySchema, roles: 'manager, admin' },
  // The retrospective and the sync meeting (issue 16 items 3 and 4).
  { method: 'get', path: '/v1/team/retrospectives/due', summary: 'My handoff reviews due now: packets I accepted at least retrospectiveDays (engagement policy) ago, not yet reviewed' },
  { method: 'get', path: '/v1/team/retrospectives/received', summary: 'The reviews of the packets I own (my handoffs), newest first' },
  { method: 'post', path: '/v1/team/retrospectives', summary: 'Review a handoff (the packet by its key): each section right / wrong / missing, and the profile fit. 409 wrong_status, not_due, already_reviewed (one per packet)', body: retro.retrospectiveBodySchema, roles: 'the person who accepted the packet (csm, manager, admin)' },
  { method: 'get', path: '/v1/team/retrospectives/accuracy', summary: 'Handoff accuracy per rep and per section for a period (default the last 30 days)', query: ra.periodQuerySchema, roles: 'manager, admin' },
  { method: 'get', path: '/v1/team/sync-agenda', summary: 'The sales–CS sync meeting agenda for a period (default the last 14 days): returns, retrospective findings, open conflicts, expansion opportunities', query: ra.periodQuerySchema, roles: 'manager, admin' },
  { method: 'get', path: '/v1/claims/pool', summary: 'The public pool: expired customers, the department holding each, whether I may claim it', query: cs.listPoolQuerySchema },
  { method: 'post', path: '/v1/claims/pool', summary: 'Claim a customer from the pool under the territory rules (403 pool_channel / pool_department / pool_cooldown)', body: cs.createClaimBodySchema },
  { method: 'get', path: '/v1/claims/conflicts', summary: 'Conflicts: all of the team’s (managers) or those I am party to', query: cs.listConflictsQuerySchema },
  { method: 'post', path: '/v1/claims/conflicts/{id}/rule', summary: 'Rule a conflict: owner and credit split', body: cs.ruleConflictBodySchema, roles: 'manager, admin' },
];

const schema = (t: z.ZodType) => z.toJSONSchema(t, { unrepresentable: 'any', io: 'input' });
const errorSchema = {
  type: 'object',
  properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, path: { type: ['string', 'null'] } } } },
};

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const q = r.query ? (schema(r.query) as { properties?: Record<string, unknown> }).properties ?? {} : {};
    paths[r.path] ??= {};
    paths[r.path]![r.method] = {
      summary: r.summary,
      ...(r.roles ? { description: `Roles: ${r.roles}` } : {}),
      security: r.open ? [] : [{ bearer: [] }],
      parameters: [...params, ...Object.entries(q).map(([name, sch]) => ({ name, in: 'query', schema: sch }))],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(r.body) } } } } : {}),
      responses: {
        '200': { description: 'OK' },
        ...(r.etag ? { '304': { description: 'Not modified: If-None-Match names the current ETag; no body' } } : {}),
        '400': { description: 'Invalid input, with the field path', content: { 'application/json': { schema: errorSchema } } },
        '401': { description: 'Missing, unknown or revoked token' },
        '403': { description: 'The role may not do this' },
        '404': { description: 'Not found in the caller’s team' },
        '413': { description: 'Body too large' },
        '429': { description: 'Rate limited (Retry-After)' },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Baton sync server', version: '1' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
