// The reassignment handoff's request and answers (issue 16 item 2): a manager
// moves every customer of one person who leaves or changes role — live claims
// and open packets — to one or several receivers of the same role, each
// packet with a short handoff note. One schema per shape, types inferred;
// shared by the server (validation) and the options page (request, preview).
import { z } from 'zod';
import { ROLES } from '@/lib/packet/edit-rights';
import { PACKET_STATUSES } from '@/lib/packet/schema';

const userId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** a customer of the plan: "claim:<id>" or "packet:<deal key>" (lib/reassign/plan.ts) */
const customerId = z.string().min(1).max(600);

export const REASSIGN_OUTCOMES = ['leaves', 'changesRole'] as const;
export const SPLITS = ['even', 'choice'] as const;

/**
 * POST /v1/users/:id/reassignment (and …/preview). `receivers`: 1–20 people
 * of the team, in the order an even split deals customers to them; `choices`
 * (split "choice") names a receiver for every customer of the preview;
 * `notes` replace the reason as a packet's handoff note; `expected`: what the
 * preview showed — when what the person holds differs, nothing moves (409
 * plan_changed).
 */
export const reassignBodySchema = z
  .strictObject({
    outcome: z.enum(REASSIGN_OUTCOMES),
    /** the person's new role when `outcome` is changesRole */
    newRole: z.enum(ROLES).optional(),
    receivers: z
      .array(userId)
      .min(1)
      .max(20)
      .transform((ids) => [...new Set(ids)]),
    split: z.enum(SPLITS).default('even'),
    choices: z.array(z.strictObject({ customer: customerId, receiverId: userId })).max(2000).default([]),
    reason: z.string().trim().min(1).max(500),
    notes: z.array(z.strictObject({ packetKey: z.string().min(1).max(500), note: z.string().trim().min(1).max(1000) })).max(2000).default([]),
    expected: z.strictObject({ claimIds: z.array(userId).max(5000), packetKeys: z.array(z.string().max(500)).max(5000) }).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.outcome === 'changesRole' && !b.newRole) ctx.addIssue({ code: 'custom', path: ['newRole'], message: 'required', params: { issue: 'required' } });
  });
export type ReassignBody = z.output<typeof reassignBodySchema>;
export type ReassignInput = z.input<typeof reassignBodySchema>;

const person = z.object({ id: z.number().int(), name: z.string() });

/** One customer of the plan and who receives it. */
export const plannedCustomerSchema = z.object({
  id: z.string(),
  label: z.string(),
  receiverId: z.number().int(),
  claims: z.array(z.object({ id: z.number().int(), customer: z.string(), expiresAt: z.string() })),
  packets: z.array(z.object({ key: z.string(), dealName: z.string(), status: z.enum(PACKET_STATUSES), as: z.enum(['owner', 'csm']), note: z.string() })),
});
export type PlannedCustomer = z.infer<typeof plannedCustomerSchema>;

/** The preview's answer (and the confirmation's, with `reassignmentId`). */
export const reassignPlanAnswerSchema = z.object({
  leaver: person.extend({ role: z.enum(ROLES) }),
  customers: z.array(plannedCustomerSchema),
  receivers: z.array(person.extend({ customers: z.number().int(), claims: z.number().int(), packets: z.number().int() })),
  totals: z.object({ customers: z.number().int(), claims: z.number().int(), packets: z.number().int(), tokens: z.number().int() }),
  reassignmentId: z.number().int().optional(),
});
export type ReassignPlanAnswer = z.infer<typeof reassignPlanAnswerSchema>;
