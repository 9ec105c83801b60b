// The editor's layout as data: the eleven sections of lib/packet/README.md in order,
// the fields and lists each holds, and the checklist rules it answers. The UI
// renders from this; checklist items link to `fieldAnchorId(path)`.
import type { RuleId } from './checklist-rules';
import {
  FOLLOW_UP_KINDS,
  HEALTH,
  IM_PLATFORMS,
  INTRO_KINDS,
  OPEN_ITEM_KINDS,
  PAYMENT_STATUSES,
  SEVERITIES,
  STAKEHOLDER_ROLES,
  type ListPath,
} from './schema';

export type FieldKind = 'text' | 'textarea' | 'number' | 'int' | 'date' | 'enum' | 'bool' | 'email' | 'tel';

export interface FieldSpec {
  type: 'field';
  path: string;
  kind: FieldKind;
  options?: readonly string[];
}

export interface ItemFieldSpec {
  key: string;
  kind: FieldKind;
  options?: readonly string[];
  wide?: boolean;
}

export interface ListSpec {
  type: 'list';
  list: ListPath;
  fields: ItemFieldSpec[];
}

export type Block = FieldSpec | ListSpec;

export interface SectionSpec {
  id: string;
  rules: RuleId[];
  blocks: Block[];
}

const f = (path: string, kind: FieldKind = 'text', options?: readonly string[]): FieldSpec => ({ type: 'field', path, kind, ...(options ? { options } : {}) });
const l = (list: ListPath, fields: ItemFieldSpec[]): ListSpec => ({ type: 'list', list, fields });

export const SECTIONS: SectionSpec[] = [
  {
    id: 'stakeholders',
    rules: ['stakeholderWithContact'],
    blocks: [
      l('stakeholders', [
        { key: 'name', kind: 'text' },
        { key: 'title', kind: 'text' },
        { key: 'phone', kind: 'tel' },
        { key: 'email', kind: 'email' },
        { key: 'im', kind: 'text' },
        { key: 'role', kind: 'enum', options: STAKEHOLDER_ROLES },
        { key: 'personality', kind: 'textarea', wide: true },
        { key: 'wants', kind: 'textarea', wide: true },
      ]),
    ],
  },
  {
    id: 'profile',
    rules: ['profile'],
    blocks: [
      f('profile.industry'),
      f('profile.size'),
      f('profile.tier'),
      f('profile.businessModel', 'textarea'),
      f('profile.orgStructure', 'textarea'),
      f('profile.environment', 'textarea'),
    ],
  },
  {
    id: 'contract',
    rules: ['contract'],
    blocks: [
      f('contract.amount', 'number'),
      f('contract.currency'),
      f('contract.termMonths', 'int'),
      f('contract.startDate', 'date'),
      l('contract.purchases', [
        { key: 'product', kind: 'text' },
        { key: 'quantity', kind: 'number' },
      ]),
      f('contract.outOfScope', 'textarea'),
      f('contract.paymentStatus', 'enum', PAYMENT_STATUSES),
    ],
  },
  { id: 'whyWon', rules: ['whyWon'], blocks: [f('whyWon.decisivePoints', 'textarea'), f('whyWon.problemsToSolve', 'textarea')] },
  {
    id: 'goals',
    rules: ['goals'],
    blocks: [
      l('goals', [
        { key: 'goal', kind: 'text', wide: true },
        { key: 'target', kind: 'text' },
        { key: 'due', kind: 'date' },
      ]),
      f('featureAsks', 'textarea'),
    ],
  },
  {
    id: 'doneAndOpen',
    rules: ['doneAndOpen'],
    blocks: [
      f('delivered', 'textarea'),
      l('openItems', [
        { key: 'text', kind: 'text', wide: true },
        { key: 'kind', kind: 'enum', options: OPEN_ITEM_KINDS },
        { key: 'owner', kind: 'text' },
        { key: 'due', kind: 'date' },
      ]),
      l('milestones', [
        { key: 'text', kind: 'text' },
        { key: 'date', kind: 'date' },
      ]),
    ],
  },
  {
    id: 'risks',
    rules: ['risks'],
    blocks: [
      l('risks.items', [
        { key: 'text', kind: 'text', wide: true },
        { key: 'severity', kind: 'enum', options: SEVERITIES },
        { key: 'mitigation', kind: 'textarea', wide: true },
      ]),
      f('risks.noKnownRisk', 'bool'),
      f('risks.noRiskReason', 'textarea'),
    ],
  },
  {
    id: 'followUps',
    rules: ['followUps'],
    blocks: [
      l('followUps', [
        { key: 'date', kind: 'date' },
        { key: 'kind', kind: 'enum', options: FOLLOW_UP_KINDS },
        { key: 'who', kind: 'text', wide: true },
        { key: 'summary', kind: 'textarea', wide: true },
      ]),
    ],
  },
  { id: 'assessment', rules: ['assessment'], blocks: [f('assessment.health', 'enum', HEALTH), f('assessment.summary', 'textarea')] },
  {
    id: 'introductions',
    rules: ['introductions'],
    blocks: [
      l('introductions', [
        { key: 'how', kind: 'enum', options: INTRO_KINDS },
        { key: 'date', kind: 'date' },
        { key: 'attendees', kind: 'textarea', wide: true },
      ]),
    ],
  },
  {
    id: 'serviceGroup',
    rules: ['serviceGroup'],
    blocks: [
      f('serviceGroup.platform', 'enum', IM_PLATFORMS),
      f('serviceGroup.nameOrLink'),
      f('serviceGroup.members', 'textarea'),
      f('serviceGroup.ownerPassedToCs', 'bool'),
    ],
  },
  { id: 'salesNotes', rules: [], blocks: [f('salesNotes', 'textarea')] },
];

/** DOM id of a field or list, the target of a checklist link. */
export function fieldAnchorId(path: string): string {
  return `field-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

/** The section that holds a path (for opening it before scrolling). */
export function sectionOf(path: string): string | undefined {
  return SECTIONS.find((s) =>
    s.blocks.some((b) => (b.type === 'field' ? b.path === path : b.list === path || path.startsWith(`${b.list}.`))),
  )?.id;
}
