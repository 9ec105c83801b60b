// A team chat robot's settings as an admin sends them, and a person's chat
// identity (who a notice @mentions). Shared by the server's routes and the
// options page, so a problem found before sending reads like the server's.
//
// Which tool has which security setting comes from the tools' own pages:
// - DingTalk custom robot: keyword, 加签 (signing, the secret starts "SEC") or IP
//   list — https://open.dingtalk.com/document/orgapp/custom-robot-access
// - Feishu/Lark custom bot: keyword, signature verification or IP list —
//   https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
// - WeCom group robot: only the secret key in its URL —
//   https://developer.work.weixin.qq.com/document/path/91770
// - Slack incoming webhook: only the secret URL — https://api.slack.com/messaging/webhooks
import { z } from 'zod';

export const WEBHOOK_KINDS = ['wecom', 'dingtalk', 'feishu', 'slack'] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

/** The tools that sign (DingTalk 加签, Feishu signature verification) or check a keyword. */
export const SIGNING_KINDS: readonly WebhookKind[] = ['dingtalk', 'feishu'];

const secretSchema = z.string().trim().min(8).max(200).regex(/^[\x21-\x7e]+$/);
const keywordSchema = z.string().trim().min(1).max(60);
const nameSchema = z.string().trim().max(60);
const urlSchema = z.url({ protocol: /^https?$/ }).max(2000);

/** A secret or keyword set for a tool that has no such setting is refused, not silently kept. */
function onlyWhereUsed(v: { kind?: WebhookKind; secret?: string | null; keyword?: string | null }, ctx: z.RefinementCtx) {
  if (!v.kind || SIGNING_KINDS.includes(v.kind)) return;
  for (const field of ['secret', 'keyword'] as const) {
    if (v[field]) ctx.addIssue({ code: 'custom', path: [field], params: { issue: 'notForKind' }, message: `${v.kind} has no ${field}` });
  }
}

/** POST /v1/webhooks. `secret` is kept on the server and never sent back. */
export const webhookBodySchema = z
  .strictObject({ kind: z.enum(WEBHOOK_KINDS), url: urlSchema, name: nameSchema.optional(), secret: secretSchema.optional(), keyword: keywordSchema.optional() })
  .superRefine(onlyWhereUsed);

/** PATCH /v1/webhooks/:id: what changes; null clears the secret or the keyword. */
export const webhookPatchSchema = z.strictObject({
  url: urlSchema.optional(),
  name: nameSchema.optional(),
  secret: secretSchema.nullable().optional(),
  keyword: keywordSchema.nullable().optional(),
});

/**
 * A person's identity in the team's chat tools. `mobile` is E.164
 * ("+8613800138000"): DingTalk `at.atMobiles` and WeCom `mentioned_mobile_list`
 * take it; the user ids are each tool's own: DingTalk `atUserIds`, WeCom
 * `mentioned_list`, Feishu `<at user_id="ou_…">` (an open_id or user_id), Slack `<@U…>`.
 */
export const chatIdentitySchema = z.strictObject({
  mobile: z.string().refine((v) => /^\+[1-9]\d{6,14}$/.test(v), { params: { issue: 'e164' }, message: 'E.164' }).optional(),
  dingtalk: z.string().regex(/^[\w.@-]{1,64}$/).optional(),
  wecom: z.string().regex(/^[\w.@-]{1,64}$/).optional(),
  feishu: z.string().regex(/^[\w-]{1,64}$/).optional(),
  slack: z.string().regex(/^[UW][A-Z0-9]{2,20}$/).optional(),
});
export type ChatIdentity = z.infer<typeof chatIdentitySchema>;
