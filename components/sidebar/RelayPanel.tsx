// "Where is this customer" (issue 16 item 1): the packet's route with its
// stage marked, for everyone in the relay; the implementation section, which
// implementation fills at its stage and others read; and implementation's own
// accept / hand-on buttons. Rights come from lib/packet/edit-rights.ts and the
// server decides every command.
import { useMemo } from 'react';
import { editVerdict, type EditContext } from '@/lib/packet/edit-rights';
import type { ImplementationSection, Packet } from '@/lib/packet/schema';
import { scoreWith } from '@/lib/packet/score';
import type { PacketOp } from '@/lib/sync/packet-ops';
import { IMPLEMENTATION_RULES } from '@/lib/relay/implementation-rules';
import { routeOfPacket, stageOf } from '@/lib/relay/packet-stage';
import { DEFAULT_IMPLEMENTATION_TEMPLATE } from '@/lib/relay/relay-policy';
import type { StageId } from '@/lib/relay/stages';
import { useT } from '../shared/i18n';
import { usePacketCommand } from './use-packet-command';

type T = ReturnType<typeof useT>;
const BOOLS = ['accountsSetUp', 'dataLoaded', 'trainingGiven', 'noOpenBugs'] as const;
const TEXTS = ['integrations', 'openBugs', 'notes'] as const;

/** The stage line: each stage of the route, done / current / not yet. */
export function RelayStages({ packet }: { packet: Packet }) {
  const t = useT();
  const route = routeOfPacket(packet);
  const stage = stageOf(packet);
  const at = route.indexOf(stage);
  const where = packet.status === 'submitted' ? 'relay.handedTo' : packet.status === 'returned' ? 'relay.returnedTo' : stage === 'sales' ? 'relay.at' : 'relay.working';
  return (
    <div className="relay-stages" data-field="relay.stage" data-value={stage} data-status={packet.status}>
      <ol aria-label={t('relay.where')}>
        {route.map((s, i) => {
          const state = i < at ? 'done' : i === at ? 'current' : 'next';
          return (
            <li key={s} className={`relay-step relay-${state}`} data-stage={s} data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
              {t(`relay.stage.${s}`)}
              <span className="sr-only"> ({t(`relay.${state}`)})</span>
            </li>
          );
        })}
      </ol>
      <p className="muted small">{t(where, { stage: t(`relay.stage.${stage}`) })}</p>
    </div>
  );
}

/** The implementation section: inputs when the rights allow, else the values read-only. */
function ImplementationFields({ packet, ctx, edit, t }: { packet: Packet; ctx: EditContext; edit: (op: PacketOp) => void; t: T }) {
  const s: Partial<ImplementationSection> = packet.implementation ?? {};
  const may = editVerdict(ctx, { kind: 'set', path: 'implementation.notes', value: '' }).ok;
  const set = (path: string, value: unknown) => edit({ kind: 'set', path: `implementation.${path}`, value });
  return (
    <fieldset className="relay-section" disabled={!may} data-field="relay.section" data-editable={may ? 'true' : 'false'}>
      <legend>{t('relay.section')}</legend>
      {!may && <p className="muted small">{t('relay.section.readOnly')}</p>}
      <label>
        {t('relay.field.goLiveDate')}
        <input type="date" data-field="implementation.goLiveDate" data-value={s.goLiveDate ?? ''} value={s.goLiveDate ?? ''} onChange={(e) => set('goLiveDate', e.target.value)} />
      </label>
      {BOOLS.map((f) => (
        <label key={f} className="check">
          <input type="checkbox" data-field={`implementation.${f}`} checked={s[f] === true} onChange={(e) => set(f, e.target.checked)} /> {t(`relay.field.${f}`)}
        </label>
      ))}
      {TEXTS.map((f) => (
        <label key={f}>
          {t(`relay.field.${f}`)}
          <textarea rows={2} data-field={`implementation.${f}`} value={s[f] ?? ''} onChange={(e) => set(f, e.target.value)} />
        </label>
      ))}
    </fieldset>
  );
}

/** Implementation's own buttons: accept what sales handed on; hand on to CS once its checklist is complete. */
function ImplementationActions({ packet, flush, t }: { packet: Packet; flush: () => Promise<void>; t: T }) {
  const command = usePacketCommand(packet.key, flush);
  const score = useMemo(() => scoreWith(IMPLEMENTATION_RULES, packet, DEFAULT_IMPLEMENTATION_TEMPLATE), [packet]);
  const next: StageId = 'cs';
  const handing = packet.status === 'accepted' || packet.status === 'returned';
  return (
    <div className="relay-actions">
      {handing && <p className="muted small" data-field="relay.completeness" data-value={score.completeness}>{t('relay.completeness', { n: score.completeness })}</p>}
      {packet.status === 'submitted' ? (
        <button type="button" className="primary" data-field="relay.accept" disabled={command.busy} onClick={() => void command.run('accept')}>
          {command.busy && <span className="spinner" aria-hidden="true" />} {t('relay.accept', { stage: t('relay.stage.implementation') })}
        </button>
      ) : handing ? (
        <button type="button" className="primary" data-field="relay.handOn" disabled={command.busy || !score.canSubmit} onClick={() => void command.run('submit')}>
          {command.busy && <span className="spinner" aria-hidden="true" />} {t('relay.handOn', { stage: t(`relay.stage.${next}`) })}
        </button>
      ) : null}
      {command.error && (
        <p className="reason" role="alert" data-field="relay.error">
          {command.error}
        </p>
      )}
    </div>
  );
}

/** The relay panel of an open packet. `ctx` is who is looking (edit-rights). */
export function RelayPanel({ packet, ctx, edit, flush }: { packet: Packet; ctx: EditContext; edit: (op: PacketOp) => void; flush: () => Promise<void> }) {
  const t = useT();
  const route = routeOfPacket(packet);
  const stage = stageOf(packet);
  const withImplementation = route.includes('implementation');
  const reached = withImplementation && stage !== 'sales';
  const implementer = ctx.role === 'implementation' || ctx.role === 'manager' || ctx.role === 'admin';
  return (
    <section className="relay" aria-label={t('relay.where')}>
      <strong>{t('relay.where')}</strong>
      <RelayStages packet={packet} />
      {ctx.role === 'implementation' && stage === 'implementation' && packet.status !== 'submitted' && <p className="muted small">{t('relay.earlierReadOnly')}</p>}
      {reached && <ImplementationFields packet={packet} ctx={ctx} edit={edit} t={t} />}
      {implementer && stage === 'implementation' && <ImplementationActions packet={packet} flush={flush} t={t} />}
    </section>
  );
}
