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
/** A column of a list's items. */
const c = (key: string, kind: FieldKind = 'text', more: Pick<ItemFieldSpec, 'options' | 'wide'> = {}): ItemFieldSpec => ({ key, kind, ...more });
const WIDE = { wide: true } as const;
/** A section that answers the checklist rule of its own name. */
const answering = (id: RuleId, ...blocks: Block[]): SectionSpec => ({ id, rules: [id], blocks });

export const SECTIONS: SectionSpec[] = [
  {
    id: 'stakeholders',
    rules: ['stakeholderWithContact'],
    blocks: [
      l('stakeholders', [
        c('name'),
        c('title'),
        c('phone', 'tel'),
        c('email', 'email'),
        c('im'),
        c('role', 'enum', { options: STAKEHOLDER_ROLES }),
        c('personality', 'textarea', WIDE),
        c('wants', 'textarea', WIDE),
      ]),
    ],
  },
  answering(
    'profile',
    f('profile.industry'),
    f('profile.size'),
    f('profile.tier'),
    f('profile.businessModel', 'textarea'),
    f('profile.orgStructure', 'textarea'),
    f('profile.environment', 'textarea'),
  ),
  answering(
    'contract',
    f('contract.amount', 'number'),
    f('contract.currency'),
    f('contract.termMonths', 'int'),
    f('contract.startDate', 'date'),
    l('contract.purchases', [c('product'), c('quantity', 'number')]),
    f('contract.outOfScope', 'textarea'),
    f('contract.paymentStatus', 'enum', PAYMENT_STATUSES),
  ),
  answering('whyWon', f('whyWon.decisivePoints', 'textarea'), f('whyWon.problemsToSolve', 'textarea')),
  answering('goals', l('goals', [c('goal', 'text', WIDE), c('target'), c('due', 'date')]), f('featureAsks', 'textarea')),
  answering(
    'doneAndOpen',
    f('delivered', 'textarea'),
    l('openItems', [c('text', 'text', WIDE), c('kind', 'enum', { options: OPEN_ITEM_KINDS }), c('owner'), c('due', 'date')]),
    l('milestones', [c('text'), c('date', 'date')]),
  ),
  answering(
    'risks',
    l('risks.items', [c('text', 'text', WIDE), c('severity', 'enum', { options: SEVERITIES }), c('mitigation', 'textarea', WIDE)]),
    f('risks.noKnownRisk', 'bool'),
    f('risks.noRiskReason', 'textarea'),
  ),
  answering(
    'followUps',
    l('followUps', [c('date', 'date'), c('kind', 'enum', { options: FOLLOW_UP_KINDS }), c('who', 'text', WIDE), c('summary', 'textarea', WIDE)]),
  ),
  answering('assessment', f('assessment.health', 'enum', HEALTH), f('assessment.summary', 'textarea')),
  answering('introductions', l('introductions', [c('how', 'enum', { options: INTRO_KINDS }), c('date', 'date'), c('attendees', 'textarea', WIDE)])),
  answering(
    'serviceGroup',
    f('serviceGroup.platform', 'enum', IM_PLATFORMS),
    f('serviceGroup.nameOrLink'),
    f('serviceGroup.members', 'textarea'),
    f('serviceGroup.ownerPassedToCs', 'bool'),
  ),
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
