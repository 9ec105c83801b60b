// A team's relay (the design's "The whole relay"): the stages a customer
// passes through, in order, each with its receiving role (who accepts the
// customer into it), its SLA (hours from being handed on to being accepted)
// and the checklist that gates handing on from it. Stored as a team setting
// (server/packets/team-relay.ts) and read by the sidebar, popup and options.
//
// The route is sales → CS (the default: Baton's behaviour before the relay
// was policy) or sales → implementation → CS. The sales stage's checklist is
// the team's checklist template (lib/packet/checklist-template.ts, its own
// editor); the implementation stage's is kept here, over its own rules
// (implementation-rules.ts); the last stage hands on to nobody.
import { z } from 'zod';
import { templateSchemaOf } from '@/lib/packet/checklist-template';
import { IMPLEMENTATION_RULE_IDS, type ImplementationRuleId } from './implementation-rules';
import { DEFAULT_ROUTE, STAGE_IDS, type StageId } from './stages';

export const implementationTemplateSchema = templateSchemaOf(IMPLEMENTATION_RULE_IDS);
export type ImplementationTemplate = z.infer<typeof implementationTemplateSchema>;

const REQUIRED: readonly ImplementationRuleId[] = ['goLive', 'accounts', 'dataLoaded', 'training'];
const WEIGHTS: Record<ImplementationRuleId, number> = { goLive: 20, accounts: 20, dataLoaded: 20, integrations: 10, training: 20, openBugs: 10 };

/** The onboarding steps (seed 001): go-live, accounts, data and training required; integrations and open bugs optional; 80 %. */
export const DEFAULT_IMPLEMENTATION_TEMPLATE: ImplementationTemplate = {
  version: 1,
  threshold: 80,
  items: IMPLEMENTATION_RULE_IDS.map((id) => ({ id, required: REQUIRED.includes(id), weight: WEIGHTS[id] })),
};

/** Hours from being handed on to being accepted; null: no SLA. At most a year. */
const slaHours = z.number().int().min(1).max(8760).nullable();

export const relayStageSchema = z.discriminatedUnion('id', [
  z.strictObject({ id: z.literal('sales'), receivingRole: z.literal('rep').default('rep') }),
  z.strictObject({
    id: z.literal('implementation'),
    receivingRole: z.enum(['implementation', 'manager']).default('implementation'),
    acceptWithinHours: slaHours.default(48),
    template: implementationTemplateSchema.default(DEFAULT_IMPLEMENTATION_TEMPLATE),
  }),
  z.strictObject({ id: z.literal('cs'), receivingRole: z.enum(['csm', 'manager']).default('csm'), acceptWithinHours: slaHours.default(24) }),
]);
export type RelayStage = z.infer<typeof relayStageSchema>;

const ROUTES: readonly (readonly StageId[])[] = [DEFAULT_ROUTE, ['sales', 'implementation', 'cs']];

export const relayPolicySchema = z
  .strictObject({ stages: z.array(relayStageSchema).min(2).max(STAGE_IDS.length) })
  .refine((p) => ROUTES.some((r) => r.length === p.stages.length && r.every((id, i) => p.stages[i]!.id === id)), {
    message: 'stages are sales → cs or sales → implementation → cs',
    path: ['stages'],
    params: { issue: 'relayRoute' },
  });
export type RelayPolicy = z.infer<typeof relayPolicySchema>;

/** Today's relay: sales → CS, accepted by a CSM (or a manager, an admin) with a 24-hour SLA. */
export const DEFAULT_RELAY_POLICY: RelayPolicy = relayPolicySchema.parse({ stages: [{ id: 'sales' }, { id: 'cs' }] });

/** The optional three-stage relay with its defaults: sales → implementation → CS. */
export const THREE_STAGE_RELAY_POLICY: RelayPolicy = relayPolicySchema.parse({ stages: [{ id: 'sales' }, { id: 'implementation' }, { id: 'cs' }] });

/** The policy's route: its stage ids in order. */
export const routeOf = (policy: RelayPolicy): StageId[] => policy.stages.map((s) => s.id);

/** A stage's rules in `policy`; a stage the policy no longer has (the team changed it mid-flight) gets its defaults. */
export function stageRules(policy: RelayPolicy, id: StageId): RelayStage {
  return policy.stages.find((s) => s.id === id) ?? THREE_STAGE_RELAY_POLICY.stages.find((s) => s.id === id)!;
}

/** The SLA of a stage in hours (null: none; sales has none: nobody accepts into it). */
export function stageSlaHours(stage: RelayStage): number | null {
  return 'acceptWithinHours' in stage ? stage.acceptWithinHours : null;
}
