// The fewest fields a rep must type before a packet may be submitted (issue 19
// bench figure). Per checklist rule, the inputs that would satisfy it from the
// packet's present state (a field, or one column of a list row; choosing from a
// list — severity, health, platform — counts as a field; confirming a value the
// CRM filled in is a click and does not count). Required items first, then
// optional items, most weight per field first, until completeness reaches the
// threshold. The plan is applied and scored with the real scorer (lib/packet/score.ts):
// it throws if the packet could still not be submitted, so the count is never a guess.
import type { RuleId } from '@/lib/packet/checklist-rules';
import type { ChecklistTemplate } from '@/lib/packet/checklist-template';
import type { Packet } from '@/lib/packet/schema';
import { scorePacket } from '@/lib/packet/score';
import { applyOp, type PacketOp } from '@/lib/sync/packet-ops';

const filled = (s: string | null | undefined) => !!s && s.trim().length > 0;
let n = 0;
const id = () => `typed-${++n}`;
const set = (path: string, value: unknown): PacketOp => ({ kind: 'set', path, value });
const when = (missing: boolean, op: PacketOp): PacketOp[] => (missing ? [op] : []);

/** The ops a rep would make to satisfy one rule, from the packet as it is. */
const PLANS: Record<RuleId, (p: Packet) => PacketOp[]> = {
  dealSnapshot: (p) => [
    ...when(!filled(p.deal.dealName ?? p.dealOverrides.dealName), set('dealOverrides.dealName', 'Deal')),
    ...when(!filled(p.deal.accountName ?? p.dealOverrides.accountName), set('dealOverrides.accountName', 'Account')),
  ],
  profile: (p) => (['industry', 'size', 'tier'] as const).flatMap((f) => when(!filled(p.profile[f]), set(`profile.${f}`, 'typed'))),
  contract: (p) => {
    const c = p.contract;
    const row = c.purchases.find((x) => !filled(x.product));
    const purchase: PacketOp = row ? { kind: 'update', list: 'contract.purchases', id: row.id, patch: { product: 'typed' } } : { kind: 'add', list: 'contract.purchases', item: { id: id(), product: 'typed' } };
    return [
      ...when(c.amount === null, set('contract.amount', 1000)),
      ...when(!filled(c.currency), set('contract.currency', 'USD')),
      ...when(c.termMonths === null, set('contract.termMonths', 12)),
      ...when(!filled(c.startDate), set('contract.startDate', '2027-01-01')),
      ...when(!c.purchases.some((x) => filled(x.product)), purchase),
    ];
  },
  whyWon: (p) => (['decisivePoints', 'problemsToSolve'] as const).flatMap((f) => when(!filled(p.whyWon[f]), set(`whyWon.${f}`, 'typed'))),
  risks: () => [{ kind: 'add', list: 'risks.items', item: { id: id(), text: 'typed', severity: 'medium', mitigation: 'typed' } }],
  stakeholderWithContact: (p) => {
    const named = p.stakeholders.find((s) => filled(s.name));
    return [named ? { kind: 'update', list: 'stakeholders', id: named.id, patch: { email: 'typed@example.com' } } : { kind: 'add', list: 'stakeholders', item: { id: id(), name: 'typed', email: 'typed@example.com' } }];
  },
  goals: () => [{ kind: 'add', list: 'goals', item: { id: id(), goal: 'typed', target: 'typed' } }],
  doneAndOpen: () => [set('delivered', 'typed')],
  followUps: (p) => {
    const row = p.followUps[0];
    return [row ? { kind: 'update', list: 'followUps', id: row.id, patch: { summary: 'typed' } } : { kind: 'add', list: 'followUps', item: { id: id(), summary: 'typed' } }];
  },
  assessment: (p) => [...when(!p.assessment.health, set('assessment.health', 'green')), ...when(!filled(p.assessment.summary), set('assessment.summary', 'typed'))],
  introductions: () => [{ kind: 'add', list: 'introductions', item: { id: id(), attendees: 'typed' } }],
  serviceGroup: (p) => [...when(!p.serviceGroup.platform, set('serviceGroup.platform', 'wecom')), ...when(!filled(p.serviceGroup.nameOrLink), set('serviceGroup.nameOrLink', 'typed'))],
};

/** Fields one op types: a set is one; an added or updated row, one per column given. */
const typedFields = (op: PacketOp) => (op.kind === 'set' ? 1 : op.kind === 'add' ? Object.keys(op.item).length - 1 : op.kind === 'update' ? Object.keys(op.patch).length : 0);

/**
 * @returns the number of fields to type and the plan's ops, for a packet as the
 * rep finds it (values from the CRM already confirmed or not, as given).
 * @throws when the planned packet still could not be submitted (a bug in the plan, never hidden).
 */
export function fieldsToSubmit(packet: Packet, template: ChecklistTemplate): { fields: number; ops: PacketOp[] } {
  const score = scorePacket(packet, template);
  const open = score.items.filter((i) => !i.satisfied);
  const plan = (rule: RuleId) => PLANS[rule](packet);
  const ops = open.filter((i) => i.required).flatMap((i) => plan(i.id));
  let p = ops.reduce(applyOp, packet);
  const cost = (xs: PacketOp[]) => Math.max(1, xs.reduce((s, o) => s + typedFields(o), 0));
  const optional = open
    .filter((i) => !i.required)
    .map((i) => ({ ops: plan(i.id), perField: i.weight / cost(plan(i.id)) }))
    .sort((a, b) => b.perField - a.perField);
  for (const o of optional) {
    if (scorePacket(p, template).completeness >= template.threshold) break;
    ops.push(...o.ops);
    p = o.ops.reduce(applyOp, p);
  }
  const after = scorePacket(p, template);
  if (!after.canSubmit) throw new Error(`typing plan incomplete: ${JSON.stringify(after.blockers)}`);
  for (const i of after.items) if (!i.satisfied && i.required) throw new Error(`rule ${i.id} unsatisfied`);
  return { fields: ops.reduce((s, o) => s + typedFields(o), 0), ops };
}
