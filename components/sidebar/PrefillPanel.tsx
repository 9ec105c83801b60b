// Prefill from the CRM page (issue 19): the first read of a draft fills the
// packet at once, every value marked pending; after that, what the page shows
// anew is only offered ("3 new from the CRM — add / dismiss"), never added
// silently. Values waiting for confirmation are counted, with "confirm all".
// Loaded beside the editor (sections.tsx): the mapping brings the phone metadata.
import { useEffect, useMemo, useRef } from 'react';
import type { DealExtras } from '@/lib/crm/deal-extras';
import type { DealSnapshot } from '@/lib/crm/types';
import { enumLabel, fieldLabel } from '@/lib/packet/labels';
import { acceptOps, dismissOps, firstFillOps, newProposals, proposalsFrom, type Proposal } from '@/lib/packet/prefill';
import { confirmAllOps, prefillOf, PREFILL_FIELDS } from '@/lib/packet/prefill-marks';
import type { Packet } from '@/lib/packet/schema';
import type { PacketOp } from '@/lib/sync/packet-ops';
import { useLocale, useT } from '../shared/i18n';
import { useKeyRules } from './use-template';

/** How long after the first fill late-rendered rows still join it (the page's lists settle within seconds). */
const FIRST_FILL_MS = 60_000;

interface Props {
  packet: Packet;
  extras: DealExtras | null;
  /** the live page read (the amount rule needs to know whether the deal shows one) */
  snapshot: DealSnapshot;
  crm: string;
  canEdit: boolean;
  edit: (op: PacketOp) => void;
}

/** One line naming a proposal: the row's main values, or the field and its value. */
function useProposalText() {
  const locale = useLocale();
  return (p: Proposal): string => {
    if ('field' in p) return `${fieldLabel(PREFILL_FIELDS[p.field], locale)}: ${p.value}`;
    const i = p.item;
    const parts =
      p.list === 'stakeholders'
        ? [i.name, i.title, enumLabel(String(i.role), locale)]
        : p.list === 'followUps'
          ? [i.date, enumLabel(String(i.kind), locale), i.who, i.summary]
          : [i.product, i.quantity === null ? null : `× ${i.quantity}`];
    return `${fieldLabel(p.list, locale)}: ${parts.filter((x) => x !== null && x !== '').join(' · ')}`;
  };
}

export function PrefillPanel({ packet, extras, snapshot, crm, canEdit, edit }: Props) {
  const t = useT();
  const text = useProposalText();
  const region = useKeyRules().defaultRegion ?? undefined;
  // Mapping the page read (phones parsed) once per read; matching against the packet per edit.
  const all = useMemo(() => (extras ? proposalsFrom(extras, snapshot, region) : []), [extras, snapshot, region]);
  const offered = useMemo(() => newProposals(packet, all), [packet, all]);
  const pendingOps = useMemo(() => confirmAllOps(packet), [packet]);

  // The first read of a draft fills it (marked pending). For its first moments
  // this sidebar keeps filling, so rows the page renders late join the fill;
  // anything the page shows after that is offered, never added silently.
  const session = useRef<{ key: string; at: number } | null>(null);
  const started = prefillOf(packet).filledAt !== '';
  const continuing = started && session.current?.key === packet.key && Date.now() - session.current.at < FIRST_FILL_MS;
  const fill = canEdit ? firstFillOps(packet, offered, { crm, readAt: new Date().toISOString(), region }, continuing) : [];
  useEffect(() => {
    if (!fill.length) return;
    if (!started) session.current = { key: packet.key, at: Date.now() };
    fill.forEach(edit);
    // `fill` is derived from `offered`, which changes whenever the packet or the page read does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [offered, canEdit]);

  if (!canEdit || fill.length > 0 || (!offered.length && !pendingOps.length)) return null;
  const now = () => new Date().toISOString();
  const add = (ps: Proposal[]) => acceptOps(ps, { crm, readAt: now(), region }).forEach(edit);
  const dismiss = (ps: Proposal[]) => dismissOps(ps, now()).forEach(edit);
  return (
    <section className="prefill" aria-label={t('prefill.heading')} data-field="prefill">
      {pendingOps.length > 0 && (
        <p className="prefill-pending" data-field="prefill-pending" data-value={pendingOps.length}>
          {t('prefill.pending', { count: pendingOps.length })}{' '}
          <button type="button" data-field="prefill-confirm-all" onClick={() => pendingOps.forEach(edit)}>
            {t('prefill.confirmAll', { count: pendingOps.length })}
          </button>
        </p>
      )}
      {offered.length > 0 && (
        <div className="prefill-offers" data-field="prefill-offers" data-value={offered.length} role="group" aria-label={t('prefill.offer', { count: offered.length })}>
          <strong>{t('prefill.offer', { count: offered.length })}</strong>{' '}
          <button type="button" data-offer-all="add" onClick={() => add(offered)}>
            {t('prefill.addAll')}
          </button>{' '}
          <button type="button" data-offer-all="dismiss" onClick={() => dismiss(offered)}>
            {t('prefill.dismissAll')}
          </button>
          <ul>
            {offered.map((p) => (
              <li key={p.id} data-offer={p.id} data-offer-list={'list' in p ? p.list : p.field}>
                <span>{text(p)}</span>{' '}
                <button type="button" data-offer-add onClick={() => add([p])} aria-label={`${t('prefill.add')} — ${text(p)}`}>
                  {t('prefill.add')}
                </button>{' '}
                <button type="button" data-offer-dismiss onClick={() => dismiss([p])} aria-label={`${t('prefill.dismiss')} — ${text(p)}`}>
                  {t('prefill.dismiss')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
