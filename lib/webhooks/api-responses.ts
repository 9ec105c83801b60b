// Webhook answers of the sync server as the options page reads them (parsed,
// never cast; see lib/sync/api-responses.ts).
import { z } from 'zod';
import { WEBHOOK_KINDS } from './config-schema';

/** One team chat webhook as GET /v1/webhooks lists it: the secret is never sent back, only whether there is one. */
export const webhookViewSchema = z.object({
  id: z.number().int(),
  kind: z.enum(WEBHOOK_KINDS),
  name: z.string(),
  url: z.string(),
  hasSecret: z.boolean(),
  keyword: z.string().nullable(),
  lastDeliveredAt: z.string().nullable(),
  pending: z.number().int(),
  failedCount: z.number().int(),
  failures: z.array(z.object({ id: z.number().int(), at: z.string(), title: z.string(), message: z.string() })),
});

/** GET /v1/webhooks (admins). */
export const webhooksAnswerSchema = z.object({ webhooks: z.array(webhookViewSchema) });

/** POST /v1/webhooks/:id/test: the chat tool's verdict on one test notice. */
export const webhookTestAnswerSchema = z.object({
  result: z.object({ outcome: z.enum(['delivered', 'failed', 'retry']), message: z.string().nullable() }),
});

export type WebhookView = z.infer<typeof webhookViewSchema>;

/** GET /v1/users, as the chat identities card reads it: each person's ids for @mentions (none yet: null). */
export const chatUsersAnswerSchema = z.object({
  users: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      chat: z
        .record(z.string(), z.string())
        .nullable()
        .transform((v) => v ?? {}),
    }),
  ),
});
