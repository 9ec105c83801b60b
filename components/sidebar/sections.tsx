// The sidebar's sections, in page order, and when each shows: while the tab is
// asked for its deal, a spinner; on a page with no deal, a note; on a deal, the
// deal and its claim, then — once the packet is open — the intro (reviewers,
// after acceptance), expansion (after acceptance), engagement (before
// acceptance, not for CSMs), the checklist and the packet.
import type { DealExtras } from '@/lib/crm/deal-extras';
import { CrmExtrasLine } from './CrmExtrasLine';
import { lazy, Suspense, useCallback, useMemo, type Dispatch, type SetStateAction } from 'react';
import type { DealField } from '@/lib/crm/types';
import type { ChecklistTemplate } from '@/lib/packet/checklist-template';
import type { EditContext } from '@/lib/packet/edit-rights';
import type { Packet } from '@/lib/packet/schema';
import type { Score } from '@/lib/packet/score';
import type { TabDealState } from '@/extension/messaging/content-messages';
import { useT } from '../shared/i18n';
import type { Section } from '../shared/section';
import { ChecklistPanel } from './ChecklistPanel';
import { DealPanel } from './DealPanel';
import { EngagementPanel } from './EngagementPanel';
import { ExpansionPanel } from './ExpansionPanel';
import { PacketEditor, type EditorRights } from './PacketEditor';
import { RelayPanel } from './RelayPanel';
import type { ReturnDraft } from './ReturnForm';
import type { PacketDraft } from './use-packet-draft';

/** What decides which sections show. */
export interface SidebarFacts {
  /** the signed-in person's role; undefined signed out */
  role: string | undefined;
  /** 'asking': the tab has not yet said; 'none': this page is not a deal record */
  deal: 'asking' | 'none' | 'open';
  /** the open packet's status; null until the packet is open and scored */
  packet: Packet['status'] | null;
  /** the packet's relay has more stages than sales → CS, or implementation is looking (lib/relay): the relay panel shows */
  relay?: boolean;
}

/** Everything the sections render from; a section reads only what its `when` guarantees. */
export interface SidebarView {
  facts: SidebarFacts;
  state: TabDealState | null | undefined;
  packet: Packet | undefined;
  score: Score | null;
  template: ChecklistTemplate;
  draft: PacketDraft;
  lost: DealField[];
  canEdit: boolean;
  editContext: EditContext | null;
  setReturnDraft: Dispatch<SetStateAction<ReturnDraft>>;
  /** what the page shows besides the deal facts, for this deal (use-deal-extras.ts); null until read */
  extras: DealExtras | null;
}

type SidebarSection = Section<SidebarFacts, { v: SidebarView }>;

/** CSMs, managers and admins review packets and work accepted ones. */
export const isReviewer = (role: string | undefined) => role === 'csm' || role === 'manager' || role === 'admin';

function Loading() {
  const t = useT();
  return (
    <p className="muted" role="status">
      <span className="spinner" aria-hidden="true" /> {t('loading')}
    </p>
  );
}

function NoDeal() {
  const t = useT();
  return <p className="muted">{t('noDeal')}</p>;
}

function Deal({ v }: { v: SidebarView }) {
  const edit = v.draft.edit;
  const onOverride = useCallback((field: DealField, value: string) => edit({ kind: 'set', path: `dealOverrides.${field}`, value }), [edit]);
  return (
    <>
      <DealPanel state={v.state!} lostFields={v.lost} overrides={v.packet?.dealOverrides ?? NO_OVERRIDES} canType={v.canEdit} onOverride={onOverride} />
      <CrmExtrasLine extras={v.extras} />
    </>
  );
}
const NO_OVERRIDES = {};

// The claim panel brings the claim-key rules (phone metadata, Chinese script
// folding, legal forms) and the intro panel the Chinese script converter:
// together most of the sidebar's code by size, so they load beside the packet
// editor instead of before it (issue 14: sidebar start).
const ClaimPanel = lazy(() => import('./ClaimPanel').then((m) => ({ default: m.ClaimPanel })));
const IntroPanel = lazy(() => import('./IntroPanel').then((m) => ({ default: m.IntroPanel })));
// The prefill mapping normalises phones with the same metadata as claim keys.
const PrefillPanel = lazy(() => import('./PrefillPanel').then((m) => ({ default: m.PrefillPanel })));

const Prefill = ({ v }: { v: SidebarView }) => (
  <Suspense fallback={null}>
    <PrefillPanel packet={v.packet!} extras={v.extras} snapshot={v.state!.snapshot} crm={v.state!.identity.crm} canEdit={v.canEdit} edit={v.draft.edit} />
  </Suspense>
);

const Claim = ({ v }: { v: SidebarView }) => (
  <Suspense fallback={null}>
    <ClaimPanel accountName={v.state!.snapshot.accountName ?? v.packet?.dealOverrides.accountName ?? null} dealUrl={v.state!.href} contacts={v.state!.contacts} />
  </Suspense>
);

/** The editor's rights object keeps its identity while they are unchanged, so sections that did not change are not rendered again. */
function PacketSection({ v }: { v: SidebarView }) {
  const { canEdit, editContext, setReturnDraft } = v;
  const { role, owner, status, relay } = editContext!;
  const refusals = v.draft.refusals;
  const rights = useMemo<EditorRights>(
    () => ({
      canEdit,
      ctx: { role, owner, status, relay },
      refusals,
      onReturnReason: (item, text, id) =>
        setReturnDraft((d) => (d[item]?.ids.includes(id) ? d : { ...d, [item]: { reason: [d[item]?.reason, text].filter(Boolean).join('\n'), ids: [...(d[item]?.ids ?? []), id] } })),
    }),
    [canEdit, role, owner, status, relay, refusals, setReturnDraft],
  );
  const crmId = v.state?.identity.crm;
  const crmName = v.state?.crmName;
  const crm = useMemo(() => (crmId ? { id: crmId, name: crmName ?? crmId } : null), [crmId, crmName]);
  return (
    <>
      {v.state && <Prefill v={v} />}
      <PacketEditor packet={v.packet!} edit={v.draft.edit} score={v.score!} forReview={isReviewer(v.facts.role) && v.packet!.status === 'submitted'} rights={rights} crm={crm} />
    </>
  );
}

const open = (f: SidebarFacts) => f.packet !== null;
const accepted = (f: SidebarFacts) => f.packet === 'accepted';

export const sidebarSections: SidebarSection[] = [
  { id: 'asking', when: (f) => f.deal === 'asking', Panel: Loading },
  { id: 'no-deal', when: (f) => f.deal === 'none', Panel: NoDeal },
  { id: 'deal', when: (f) => f.deal === 'open', Panel: Deal },
  { id: 'claim', when: (f) => f.deal === 'open', Panel: Claim },
  { id: 'opening', when: (f) => f.deal === 'open' && !open(f), Panel: Loading },
  // where the customer is in a relay with implementation; implementation's section and buttons (sales → CS: the status says where)
  { id: 'relay', when: (f) => open(f) && f.relay === true, Panel: ({ v }) => <RelayPanel packet={v.packet!} ctx={v.editContext!} edit={v.draft.edit} flush={v.draft.flush} /> },
  {
    id: 'intro',
    when: (f) => accepted(f) && isReviewer(f.role),
    Panel: ({ v }) => (
      <Suspense fallback={null}>
        <IntroPanel packet={v.packet!} flush={v.draft.flush} />
      </Suspense>
    ),
  },
  { id: 'expansion', when: accepted, Panel: ({ v }) => <ExpansionPanel packet={v.packet!} edit={v.draft.edit} canEdit={isReviewer(v.facts.role)} /> },
  { id: 'engagement', when: (f) => open(f) && !accepted(f) && f.role !== 'csm' && f.role !== 'implementation', Panel: ({ v }) => <EngagementPanel packet={v.packet!} edit={v.draft.edit} flush={v.draft.flush} /> },
  { id: 'checklist', when: open, Panel: ({ v }) => <ChecklistPanel score={v.score!} threshold={v.template.threshold} /> },
  { id: 'packet', when: open, Panel: PacketSection },
];
