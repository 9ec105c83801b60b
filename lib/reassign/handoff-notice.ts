// What a reassignment handed to me, as the popup shows it (issue 16 item 2).
// Apart from the request's schemas (./api-schemas.ts), which build the packet
// and role enums: the popup reads this at every start and must stay light
// (test/config/popup-start-imports.test.ts).
import { z } from 'zod';

/** A customer handed to me, as the popup shows it under "needs me" until I acknowledge it. */
export const handoffNoticeSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['claim', 'packet']),
  claimId: z.number().int().nullable(),
  packetKey: z.string().nullable(),
  label: z.string(),
  dealUrl: z.string().nullable(),
  /** the person whose customer it was */
  from: z.string(),
  /** the manager who reassigned it */
  by: z.string(),
  reason: z.string(),
  /** the packet's handoff note ('' for a claim) */
  note: z.string(),
  at: z.string(),
});
export type HandoffNotice = z.infer<typeof handoffNoticeSchema>;

/** GET /v1/me/handoffs. */
export const handoffsAnswerSchema = z.object({ handoffs: z.array(handoffNoticeSchema) });
