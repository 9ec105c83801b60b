// Who may change which part of a packet in which lifecycle state (lib/packet/README.md
// "Lifecycle", "Who edits what"). One rule for the sidebar (it offers only
// what this allows) and the server's push (it refuses exactly what this
// refuses), so an edit is never typed only to be dropped.
//
//   area \ role           rep (owner)          csm              manager, admin        implementation
//   rep's sections        draft…submitted;     accepted only    any state             once it accepted:
//                         then: amendment      (amendment)      (then: amendment)     amendment only
//   implementation        never                at CS (amendment) its stage; then       its stage, once
//                                                               amendment             accepted
//   expansion log         never                accepted at CS   accepted at CS        never
//   page snapshot (deal)  any state            any state        any state             its stage
//   server-set fields     never (review.*, relay, status, identity, key, dates)
// "Then" is once the next stage of the relay accepted the packet (lib/relay/packet-stage.ts,
// sectionFrozen): an earlier stage's section is read-only for later stages except as amendments.
// A rep never changes a colleague's packet; a CSM or implementation never starts one; implementation
// touches only packets at its own stage (the server shows it no others).
import { DEAL_FIELDS } from '@/lib/crm/types';
import type { PacketOp } from '@/lib/sync/packet-ops';
import { sectionFrozen, stageOf } from '@/lib/relay/packet-stage';
import { LIST_ITEM_SCHEMAS, type ListPath, type Packet } from './schema';
import { SECTIONS } from './sections';
import { PREFILL_MARK_PATHS } from './prefill-marks';

/** `implementation` (issue 16): the relay's middle stage, between sales and customer success. */
export const ROLES = ['rep', 'csm', 'manager', 'admin', 'implementation'] as const;
export type Role = (typeof ROLES)[number];

/** The role a signed-in user's record names; signed out (no server), the packet is this person's own draft: 'rep'. */
export function roleOf(raw: string | null | undefined): Role {
  return ROLES.find((r) => r === raw) ?? 'rep';
}

/** Why an edit is refused; each has a message `refusal.<code>` in every UI language. */
export const REFUSAL_CODES = ['notOwner', 'noPacket', 'csmBeforeAcceptance', 'expansionAfterAcceptance', 'expansionReviewers', 'notEditable', 'invalid', 'notYourStage', 'implementationSection'] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** Where an op lands: the rep's sections, implementation's section, the CSM's expansion log, the page read, or fields only the server sets. */
export type EditArea = 'packet' | 'implementation' | 'expansion' | 'page' | 'lifecycle' | 'server';

export interface EditContext {
  role: Role;
  /** the caller is the packet's sales owner (always true for a packet not yet on the server, for a rep) */
  owner: boolean;
  /** null: the server has no such packet yet (the push would create it) */
  status: Packet['status'] | null;
  /** where the packet is in the relay (absent: sales → CS, read from the status) */
  relay?: Packet['relay'];
}

export type EditVerdict = { ok: true; amendment: boolean } | { ok: false; code: RefusalCode };

const SECTION_FIELDS = new Set(SECTIONS.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'field' ? [b.path] : []))));
const SECTION_LISTS = new Set<string>(SECTIONS.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'list' ? [b.list] : []))));
const OTHER_PACKET_FIELDS = new Set([
  ...DEAL_FIELDS.map((f) => `dealOverrides.${f}`),
  'engagement.salesCycleDays',
  'engagement.implementationWeeks',
  // the "from the CRM" marks go with the rep's sections (lib/packet/prefill-marks.ts)
  ...PREFILL_MARK_PATHS,
]);
/** Lists outside the editor's sections that the rep's edits still reach: dismissed CRM proposals. */
const OTHER_PACKET_LISTS = new Set<string>(['prefill.dismissed']);
const EXPANSION_FIELDS = new Set(['expansion.relationship', 'expansion.solutionAcceptance', 'expansion.priceAcceptance']);
const EXPANSION_LIST = 'expansion.opportunities';
const IMPLEMENTATION_FIELDS = new Set(['goLiveDate', 'accountsSetUp', 'dataLoaded', 'integrations', 'trainingGiven', 'openBugs', 'noOpenBugs', 'notes'].map((f) => `implementation.${f}`));

function itemKeysOk(list: ListPath, keys: string[]): boolean {
  const shape = LIST_ITEM_SCHEMAS[list].shape as Record<string, unknown>;
  return keys.every((k) => k in shape);
}

/** The area an op touches, by field path or list path. */
export function editArea(op: PacketOp): EditArea {
  switch (op.kind) {
    case 'deal':
      return 'page';
    case 'status':
      return 'lifecycle';
    case 'set':
      if (SECTION_FIELDS.has(op.path) || OTHER_PACKET_FIELDS.has(op.path)) return 'packet';
      if (IMPLEMENTATION_FIELDS.has(op.path)) return 'implementation';
      return EXPANSION_FIELDS.has(op.path) ? 'expansion' : 'server';
    default: {
      const list = op.list;
      const keys = op.kind === 'add' ? Object.keys(op.item) : op.kind === 'update' ? Object.keys(op.patch) : [];
      if (!(list in LIST_ITEM_SCHEMAS) || !itemKeysOk(list as ListPath, keys)) return 'server';
      if (list === EXPANSION_LIST) return 'expansion';
      return SECTION_LISTS.has(list) || OTHER_PACKET_LISTS.has(list) ? 'packet' : 'server';
    }
  }
}

/** The path an op is shown at: a field path ("profile.industry"), a list path ("risks.items"), "deal" or "status". */
export function opPath(op: PacketOp): string {
  return op.kind === 'set' ? op.path : op.kind === 'deal' ? 'deal' : op.kind === 'status' ? 'status' : op.list;
}

/**
 * May this caller make this edit now? An edit of an accepted packet is an
 * amendment (the server records where, review.amendedPaths). A "status" op is
 * the signed-out sidebar's local mark: the server ignores it (lifecycle changes
 * are commands), so it is never refused.
 */
export function editVerdict(ctx: EditContext, op: PacketOp): EditVerdict {
  const area = editArea(op);
  if (area === 'server') return { ok: false, code: 'notEditable' };
  if (ctx.status === null) {
    if (ctx.role === 'csm' || ctx.role === 'implementation') return { ok: false, code: 'noPacket' };
    if (area === 'expansion') return { ok: false, code: ctx.role === 'rep' ? 'expansionReviewers' : 'expansionAfterAcceptance' };
    if (area === 'implementation') return { ok: false, code: 'implementationSection' };
    return { ok: true, amendment: false };
  }
  if (ctx.role === 'rep' && !ctx.owner) return { ok: false, code: 'notOwner' };
  const at = { status: ctx.status, relay: ctx.relay };
  const stage = stageOf(at);
  // a packet at another stage is not shown to implementation (server/packets/access.ts): refused as if absent
  if (ctx.role === 'implementation' && stage !== 'implementation') return { ok: false, code: 'noPacket' };
  const accepted = ctx.status === 'accepted';
  if (area === 'page' || area === 'lifecycle') return { ok: true, amendment: false };
  if (area === 'expansion') {
    if (ctx.role === 'rep' || ctx.role === 'implementation') return { ok: false, code: 'expansionReviewers' };
    return accepted && stage === 'cs' ? { ok: true, amendment: true } : { ok: false, code: 'expansionAfterAcceptance' };
  }
  if (area === 'implementation') return implementationVerdict(ctx.role, at);
  if (ctx.role === 'csm' && !(accepted && stage === 'cs')) return { ok: false, code: 'csmBeforeAcceptance' };
  if (ctx.role === 'implementation' && !sectionFrozen(at, 'sales')) return { ok: false, code: 'notYourStage' };
  return { ok: true, amendment: sectionFrozen(at, 'sales') };
}

/** The implementation section: written at its stage once accepted (or sent back to it), amended at CS after acceptance. */
function implementationVerdict(role: Role, at: Pick<Packet, 'status' | 'relay'>): EditVerdict {
  const stage = stageOf(at);
  if (role === 'rep') return { ok: false, code: 'implementationSection' };
  if (stage === 'implementation') {
    if (role === 'csm') return { ok: false, code: 'csmBeforeAcceptance' };
    return at.status === 'submitted' ? { ok: false, code: 'implementationSection' } : { ok: true, amendment: false };
  }
  if (stage === 'cs' && at.relay?.route.includes('implementation')) {
    return at.status === 'accepted' ? { ok: true, amendment: true } : { ok: false, code: role === 'csm' ? 'csmBeforeAcceptance' : 'implementationSection' };
  }
  return { ok: false, code: 'implementationSection' };
}

/** Shorthand for the editor: may this role change the rep's sections of a packet in this state? */
export function mayEditSections(ctx: EditContext): boolean {
  return editVerdict(ctx, { kind: 'set', path: 'salesNotes', value: '' }).ok;
}
