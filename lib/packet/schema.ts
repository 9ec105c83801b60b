// The handoff packet (lib/packet/README.md): eleven sections plus the deal read from the
// CRM page. zod schemas are the single definition, shared by the extension and
// the server. Limits make hostile input fail with a path instead of being stored.
import { z } from 'zod';
import { dealKey } from '@/lib/crm/deal-key';
import { dealIdentitySchema, dealSnapshotSchema, type DealIdentity, type DealSnapshot } from '@/lib/crm/types';
import { STAGE_IDS } from '@/lib/relay/stages';
import { migratePacket, PACKET_SCHEMA_VERSION } from './migrations';

const text = (max = 10_000) => z.string().max(max).default('');
const line = () => text(500);
const id = z.string().min(1).max(64);
const date = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')]).default('');
const list = <T extends z.ZodType>(item: T) => z.array(item).max(200).default([]);

export const STAKEHOLDER_ROLES = ['decision_maker', 'champion', 'user', 'blocker', 'finance', 'it', 'other'] as const;
export const PAYMENT_STATUSES = ['unknown', 'unpaid', 'partial', 'paid'] as const;
export const SEVERITIES = ['low', 'medium', 'high'] as const;
export const FOLLOW_UP_KINDS = ['visit', 'call', 'demo', 'other'] as const;
export const HEALTH = ['green', 'yellow', 'red'] as const;
export const INTRO_KINDS = ['in_person', 'call', 'im_group', 'email', 'other'] as const;
export const IM_PLATFORMS = ['wechat', 'wecom', 'dingtalk', 'feishu', 'slack', 'teams', 'other'] as const;
export const OPEN_ITEM_KINDS = ['item', 'bug'] as const;
export const PACKET_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;

/**
 * Where a list row came from (issue 19): '' typed by the rep; 'pending' proposed
 * from the CRM page and not yet confirmed (it does not count toward
 * completeness); 'confirmed' by the rep (confirm, or any edit of the row).
 * Flat primitive fields, so they sync through the same item ops as the row.
 */
export const PREFILL_STATES = ['', 'pending', 'confirmed'] as const;
const markFields = {
  crm: z.enum(PREFILL_STATES),
  /** "<crm id>:<what the page showed>", e.g. "salesforce:contacts" (lib/packet/prefill.ts) */
  crmSource: z.string().max(200),
  /** ISO instant of the page read */
  crmReadAt: z.string().max(40),
};
// Optional on rows: a row without them was typed by the rep (every row before issue 19).
const fromCrm = { crm: markFields.crm.optional(), crmSource: markFields.crmSource.optional(), crmReadAt: markFields.crmReadAt.optional() };

export const stakeholderSchema = z.object({
  id,
  name: line(),
  title: line(),
  phone: line(),
  email: line(),
  im: line(),
  role: z.enum(STAKEHOLDER_ROLES).default('user'),
  personality: text(2000),
  wants: text(2000),
  ...fromCrm,
});

export const purchaseSchema = z.object({ id, product: line(), quantity: z.number().nonnegative().max(1e9).nullable().default(null), ...fromCrm });
export const goalSchema = z.object({ id, goal: text(2000), target: text(2000), due: date });
export const openItemSchema = z.object({ id, kind: z.enum(OPEN_ITEM_KINDS).default('item'), text: text(2000), owner: line(), due: date });
export const milestoneSchema = z.object({ id, text: text(2000), date });
export const riskSchema = z.object({ id, text: text(2000), severity: z.enum(SEVERITIES).nullable().default(null), mitigation: text(2000) });
export const followUpSchema = z.object({ id, date, who: line(), kind: z.enum(FOLLOW_UP_KINDS).default('call'), summary: text(4000), ...fromCrm });
/** The same provenance for a single field the CRM page filled (profile.industry, contract.amount …). */
export const fieldMarkSchema = z
  .object({ crm: markFields.crm.default(''), crmSource: markFields.crmSource.default(''), crmReadAt: markFields.crmReadAt.default('') })
  .prefault({});
/** A proposal the rep dismissed (or a prefilled row they removed): never offered again. Keyed by the proposal's id, so two devices' dismissals both stay. */
export const dismissedSchema = z.object({ id, at: z.string().max(40).default('') });
export const introductionSchema = z.object({ id, how: z.enum(INTRO_KINDS).default('call'), date, attendees: text(2000) });
/** an expansion opportunity a CSM logged after acceptance; it goes back to sales */
export const opportunitySchema = z.object({ id, summary: text(2000), value: z.number().nonnegative().max(1e12).nullable().default(null), date });
/** When the first fill ran, the marks of single fields, the proposals dismissed. */
export const prefillSchema = z.object({
  filledAt: z.string().max(40).default(''),
  fields: z.object({ industry: fieldMarkSchema, size: fieldMarkSchema, amount: fieldMarkSchema, currency: fieldMarkSchema }).prefault({}),
  dismissed: z.array(dismissedSchema).max(500).default([]),
});
export type Prefill = z.infer<typeof prefillSchema>;
export const LEVELS = ['low', 'medium', 'high'] as const;

const instant = z.string().max(40).nullable().default(null);
/** When the packet was handed on to a stage, accepted into it (and by whom), returned from it; set by the server. */
export const stageTimesSchema = z.object({ handedAt: instant, acceptedAt: instant, acceptedBy: z.string().max(200).nullable().default(null), returnedAt: instant });
export type StageTimes = z.infer<typeof stageTimesSchema>;

/**
 * Where the packet is in its team's relay (lib/relay/relay-policy.ts), set by the server's lifecycle
 * commands. Absent (every packet of a sales → CS relay, and every packet stored
 * before the relay was policy): the stage follows from the status (lib/relay/packet-stage.ts).
 */
export const packetRelaySchema = z.object({
  /** the stage that has the packet: handed to it (submitted), working on it (accepted), or sent back to it (returned) */
  stage: z.enum(STAGE_IDS).default('sales'),
  /** the stages this packet passes through, fixed when sales first hands it on */
  route: z.array(z.enum(STAGE_IDS)).min(2).max(STAGE_IDS.length).default(['sales', 'cs']),
  times: z.partialRecord(z.enum(STAGE_IDS), stageTimesSchema).default({}),
});
export type PacketRelay = z.infer<typeof packetRelaySchema>;

/** The implementation stage's own section: seed 001's onboarding steps. */
export const implementationSectionSchema = z.object({
  goLiveDate: date,
  accountsSetUp: z.boolean().default(false),
  dataLoaded: z.boolean().default(false),
  /** which systems are connected, and how */
  integrations: text(4000),
  trainingGiven: z.boolean().default(false),
  /** open bugs with owner and due date, one a line; or noOpenBugs */
  openBugs: text(4000),
  noOpenBugs: z.boolean().default(false),
  notes: text(),
});
export type ImplementationSection = z.infer<typeof implementationSectionSchema>;

export const packetSchema = z.object({
  /** the stored shape's version (lib/packet/migrations); a packet read from storage goes through storedPacketSchema */
  schemaVersion: z.literal(PACKET_SCHEMA_VERSION).default(PACKET_SCHEMA_VERSION),
  key: z.string().min(1).max(500),
  identity: dealIdentitySchema,
  dealUrl: z.string().max(4000).default(''),
  deal: dealSnapshotSchema,
  /** values the rep typed for fields the page stopped showing */
  dealOverrides: z
    .object({
      dealName: z.string().max(1000),
      accountName: z.string().max(1000),
      amount: z.string().max(100),
      currency: z.string().max(10),
      stage: z.string().max(1000),
      closeDate: z.string().max(40),
      owner: z.string().max(1000),
      probability: z.string().max(10),
    })
    .partial()
    .default({}),
  status: z.enum(PACKET_STATUSES).default('draft'),
  stakeholders: list(stakeholderSchema),
  profile: z
    .object({ size: line(), industry: line(), orgStructure: text(4000), environment: text(4000), businessModel: text(4000), tier: line() })
    .prefault({}),
  contract: z
    .object({
      amount: z.number().nonnegative().max(1e13).nullable().default(null),
      currency: z.string().max(3).default(''),
      termMonths: z.number().int().positive().max(600).nullable().default(null),
      startDate: date,
      purchases: list(purchaseSchema),
      outOfScope: text(4000),
      paymentStatus: z.enum(PAYMENT_STATUSES).default('unknown'),
    })
    .prefault({}),
  whyWon: z.object({ decisivePoints: text(), problemsToSolve: text() }).prefault({}),
  goals: list(goalSchema),
  featureAsks: text(),
  delivered: text(),
  openItems: list(openItemSchema),
  milestones: list(milestoneSchema),
  risks: z
    .object({ noKnownRisk: z.boolean().default(false), noRiskReason: text(2000), items: list(riskSchema) })
    .prefault({}),
  followUps: list(followUpSchema),
  assessment: z.object({ health: z.enum(HEALTH).nullable().default(null), summary: text() }).prefault({}),
  introductions: list(introductionSchema),
  serviceGroup: z
    .object({
      platform: z.enum(IM_PLATFORMS).nullable().default(null),
      nameOrLink: line(),
      members: text(2000),
      ownerPassedToCs: z.boolean().default(false),
    })
    .prefault({}),
  salesNotes: text(),
  /**
   * What the CRM page filled in (issue 19, lib/packet/prefill.ts). Optional, so
   * a packet stored before reads unchanged; read it through prefillOf().
   */
  prefill: prefillSchema.optional(),
  /** what the engagement rule needs besides the amount (lib/engagement/README.md) */
  engagement: z
    .object({
      salesCycleDays: z.number().int().min(0).max(3650).nullable().default(null),
      implementationWeeks: z.number().min(0).max(520).nullable().default(null),
    })
    .prefault({}),
  /** the CSM's expansion log after acceptance (lib/engagement/README.md: the next sale starts here) */
  expansion: z
    .object({
      relationship: z.enum(LEVELS).nullable().default(null),
      solutionAcceptance: z.enum(LEVELS).nullable().default(null),
      priceAcceptance: z.enum(LEVELS).nullable().default(null),
      opportunities: list(opportunitySchema),
    })
    .prefault({}),
  /** set by the server's lifecycle commands (accept / return) */
  review: z
    .object({
      returnedReasons: z.array(z.object({ item: z.string().max(100), reason: z.string().max(2000) })).max(50).default([]),
      returnedAt: z.string().max(40).nullable().default(null),
      submittedAt: z.string().max(40).nullable().default(null),
      acceptedAt: z.string().max(40).nullable().default(null),
      acceptedBy: z.string().max(200).nullable().default(null),
      /** when the server first saw the deal at its won stage (can start the intro clock) */
      wonAt: z.string().max(40).nullable().default(null),
      /** when the CSM marked the intro to the customer sent (stops the intro clock) */
      introSentAt: z.string().max(40).nullable().default(null),
      /** when the rep asked for a CSM (Rule 2 deals past the join point) */
      csmRequestedAt: z.string().max(40).nullable().default(null),
      /** fields and lists changed after acceptance (amendments), set by the server: shown as new */
      amendedPaths: z.array(z.string().max(200)).max(200).default([]),
    })
    .prefault({}),
  // Optional, not defaulted: a packet that never met a later stage reads, and is stored, exactly as before.
  relay: packetRelaySchema.optional(),
  implementation: implementationSectionSchema.optional(),
  createdAt: z.string().max(40),
  updatedAt: z.string().max(40),
});

export type Packet = z.infer<typeof packetSchema>;

/** A packet as stored (server packets.data, IndexedDB, a pull): older shapes are migrated first. */
export const storedPacketSchema = z.preprocess(migratePacket, packetSchema);
export type Stakeholder = z.infer<typeof stakeholderSchema>;
export type Risk = z.infer<typeof riskSchema>;

export function newPacket(identity: DealIdentity, deal: DealSnapshot, dealUrl: string, now: Date): Packet {
  const at = now.toISOString();
  return packetSchema.parse({ key: dealKey(identity), identity, deal, dealUrl, createdAt: at, updatedAt: at });
}

/** Item schemas by list path: new rows are filled from these defaults. */
export const LIST_ITEM_SCHEMAS = {
  stakeholders: stakeholderSchema,
  'contract.purchases': purchaseSchema,
  goals: goalSchema,
  openItems: openItemSchema,
  milestones: milestoneSchema,
  'risks.items': riskSchema,
  followUps: followUpSchema,
  introductions: introductionSchema,
  'expansion.opportunities': opportunitySchema,
  'prefill.dismissed': dismissedSchema,
} as const;
export type ListPath = keyof typeof LIST_ITEM_SCHEMAS;
