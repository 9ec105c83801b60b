// The sidebar frame: the header, then the sections the deal, the packet and
// the role call for (components/sidebar/sections.tsx), then submit.
// Collapsible to a slim tab; width and state remembered.
import { useEffect, useMemo, useState } from 'react';
import { dealKey } from '@/lib/crm/deal-key';
import { scorePacket } from '@/lib/packet/score';
import { useT } from '../shared/i18n';
import { SyncStatusLine } from '../shared/SyncStatusLine';
import { ManagedServerPointer } from '../shared/ManagedServerPointer';
import { markInteractive } from './bench-probe';
import { useSyncStatus } from '../shared/use-sync-status';
import { routeOfPacket } from '@/lib/relay/packet-stage';
import { useTemplate } from './use-template';
import { CollapsedTab } from './CollapsedTab';
import { ResizeHandle } from './ResizeHandle';
import { SubmitBar } from './SubmitBar';
import { useLayout } from './use-layout';
import { LayoutSwitch } from './LayoutSwitch';
import { TOGGLE_KEY } from '@/lib/sidebar/layout';
import { usePacketDraft } from './use-packet-draft';
import { useTabDeal } from './use-tab-deal';
import { useDealExtras } from './use-deal-extras';
import { mayEditSections, roleOf, type EditContext } from '@/lib/packet/edit-rights';
import type { ReturnDraft } from './ReturnForm';
import { useFrameCovered } from './click-guard';
import { useOpenPacket } from './use-open-packet';
import { sectionsFor } from '../shared/section';
import { sidebarSections, type SidebarFacts, type SidebarView } from './sections';

export function SidebarApp() {
  const t = useT();
  const role = useSyncStatus().user?.role;
  // Refused edits turned into return reasons, by checklist item, until the return is sent.
  const [returnDraft, setReturnDraft] = useState<ReturnDraft>({});
  const tabDeal = useTabDeal();
  const { proven, state } = tabDeal;
  const extras = useDealExtras(tabDeal);
  const covered = useFrameCovered();
  const [layout, setLayout] = useLayout();
  const key = state ? dealKey(state.identity) : null;
  // Create the packet on first visit and keep its deal snapshot current.
  const { openedKey, lost } = useOpenPacket(state);

  const draft = usePacketDraft(openedKey === key ? key : null);
  const packet = draft.packet;
  const template = useTemplate();
  const score = useMemo(() => (packet ? scorePacket(packet, template) : null), [packet, template]);

  // Signed out, the packet is this person's own draft. A colleague's packet is known by the server's refusal.
  const ctx: EditContext | null = packet ? { role: roleOf(role), owner: !draft.refusals.some((r) => r.code === 'notOwner'), status: packet.status, relay: packet.relay } : null;
  const canEdit = ctx ? mayEditSections(ctx) : false;
  const facts: SidebarFacts = { role, deal: state === undefined ? 'asking' : state === null ? 'none' : 'open', packet: packet && score ? packet.status : null, relay: !!packet && (routeOfPacket(packet).length > 2 || role === 'implementation') };
  const view: SidebarView = { facts, state, packet, score, template, draft, lost, canEdit, editContext: ctx, setReturnDraft, extras };
  const interactive = !!(packet && score && state && !state.reading);
  useEffect(() => {
    if (interactive) markInteractive();
  }, [interactive]);

  // Not proven to be Baton's own frame in this tab: show nothing (frame-gate).
  if (!layout || !proven) return null;
  if (layout.collapsed) {
    return <CollapsedTab onExpand={() => setLayout({ collapsed: false })} completeness={score?.completeness ?? null} />;
  }

  return (
    <div className="sidebar">
      <ResizeHandle width={layout.width} onWidth={(w) => setLayout({ width: w })} />
      <header className="bar">
        <strong className="brand">{t('appName')}</strong>
        <span className="save-state" role="status" aria-live="polite" data-field="save-state" data-value={draft.error ? 'failed' : draft.saving ? 'saving' : packet ? 'saved' : ''}>
          {draft.error ? t('saveFailed', { error: draft.error }) : draft.saving ? t('saving') : packet ? t('saved') : ''}
        </span>
        <SyncStatusLine />
        {state && <LayoutSwitch crm={state.identity.crm} adapterDefault={state.layout ?? 'push'} layout={layout} setLayout={setLayout} />}
        <button
          type="button"
          className="icon"
          onClick={() => setLayout({ collapsed: true })}
          aria-label={t('collapse')}
          aria-keyshortcuts={TOGGLE_KEY.label}
          title={t('withShortcut', { action: t('collapse'), key: TOGGLE_KEY.label })}
          data-field="collapse"
        >
          ⇥
        </button>
      </header>
      {covered && (
        <p className="reason covered" role="status" data-field="frame-covered">
          {t('frame.covered')}
        </p>
      )}
      <ManagedServerPointer />
      <main className="content">
        {sectionsFor(sidebarSections, view.facts).map(({ id, Panel }) => (
          <Panel key={id} v={view} />
        ))}
      </main>
      {packet && score && (
        <SubmitBar packet={packet} score={score} threshold={template.threshold} template={template} edit={draft.edit} flush={draft.flush} returnDraft={returnDraft} onReturned={() => setReturnDraft({})} />
      )}
    </div>
  );
}
