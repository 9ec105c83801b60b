// The eleven sections of the packet, rendered from lib/packet/sections.ts.
// Lists add rows inline; every row keeps its own id. Editable only when the
// shared rule (lib/packet/edit-rights.ts) lets this person edit it now;
// otherwise read-only, with why. Edits the server refused show at their field.
import { createContext, memo, useContext } from 'react';
import { fieldLabel, sectionLabel } from '@/lib/packet/labels';
import { getIn } from '@/lib/packet/edit';
import type { Packet } from '@/lib/packet/schema';
import { fieldAnchorId, SECTIONS, type FieldSpec, type ListSpec, type SectionSpec } from '@/lib/packet/sections';
import { readingOrder } from '@/lib/packet/reading-order';
import type { Score } from '@/lib/packet/score';
import type { PacketOp } from '@/lib/sync/packet-ops';
import { opPath, type EditContext } from '@/lib/packet/edit-rights';
import type { RefusedEditView } from '@/extension/messaging/db-messages';
import { useLocale, useT } from '../shared/i18n';
import { DRAFTED_SECTIONS, DraftPanel } from './DraftPanel';
import { FieldInput } from './FieldInput';
import { RefusalNote } from './RefusalNote';
import { prefillFieldOf, removeMarkedOps, type PendingMark } from '@/lib/packet/prefill-marks';
import { fieldProposalId } from '@/lib/packet/prefill-ids';
import { CrmNameContext, PrefillMark } from './PrefillMark';

type Edit = (op: PacketOp) => void;

/** What this person may do in the editor now, and the edits the server refused. */
export interface EditorRights {
  canEdit: boolean;
  ctx: EditContext;
  refusals: RefusedEditView[];
  onReturnReason?: ((item: string, text: string, refusalId: string) => void) | undefined;
}

const Rights = createContext<EditorRights>({ canEdit: true, ctx: { role: 'rep', owner: true, status: 'draft' }, refusals: [] });

/** The refused edits typed at this field or list. */
function Refused({ path }: { path: string }) {
  const r = useContext(Rights);
  return (
    <>
      {r.refusals
        .filter((x) => opPath(x.op) === path)
        .map((x) => (
          <RefusalNote key={x.id} refusal={x} ctx={r.ctx} onReturnReason={r.onReturnReason} />
        ))}
    </>
  );
}

const EDITOR_PATHS = new Set(SECTIONS.flatMap((s) => s.blocks.map((b) => (b.type === 'field' ? b.path : b.list))));

/** "new" beside what changed after acceptance (an amendment, from either side). */
function NewBadge({ packet, path }: { packet: Packet; path: string }) {
  const t = useT();
  return packet.review.amendedPaths.includes(path) ? (
    <span className="new-badge" data-amended={path}>
      {t('amended')}
    </span>
  ) : null;
}

/** The "from the CRM" mark of a field the page filled in, if any; typing in the field confirms it (it becomes the rep's). */
function useFieldMark(path: string, packet: Packet, edit: Edit) {
  const key = prefillFieldOf(path);
  const mark = key ? packet.prefill?.fields?.[key] : undefined;
  const state = mark?.crm === 'pending' || mark?.crm === 'confirmed' ? mark.crm : null;
  if (!key || !mark || !state) return null;
  const confirm = () => edit({ kind: 'set', path: `prefill.fields.${key}.crm`, value: 'confirmed' });
  const value = getIn(packet, path);
  const m: PendingMark = { where: key, id: path };
  const remove = () => removeMarkedOps(m, fieldProposalId(key, value as string | number), new Date().toISOString()).forEach(edit);
  return { state, source: mark.crmSource ?? '', readAt: mark.crmReadAt ?? '', confirm, remove };
}

function Field({ spec, packet, edit }: { spec: FieldSpec; packet: Packet; edit: Edit }) {
  const locale = useLocale();
  const { canEdit } = useContext(Rights);
  const label = fieldLabel(spec.path, locale);
  const mark = useFieldMark(spec.path, packet, edit);
  return (
    <>
    <label className={spec.kind === 'bool' ? 'field check' : 'field'} data-prefill={mark?.state} onInput={mark?.state === 'pending' ? mark.confirm : undefined}>
      {spec.kind !== 'bool' && (
        <span>
          {label} <NewBadge packet={packet} path={spec.path} />
        </span>
      )}
      <FieldInput
        id={fieldAnchorId(spec.path)}
        kind={spec.kind}
        options={spec.options}
        value={getIn(packet, spec.path)}
        label={label}
        dataPath={spec.path}
        readOnly={!canEdit}
        onChange={(value) => edit({ kind: 'set', path: spec.path, value })}
      />
      {spec.kind === 'bool' && <span>{label}</span>}
    </label>
    {mark && <PrefillMark state={mark.state} source={mark.source} readAt={mark.readAt} what={label} canEdit={canEdit} onConfirm={mark.confirm} onRemove={mark.remove} />}
    <Refused path={spec.path} />
    </>
  );
}

function List({ spec, packet, edit }: { spec: ListSpec; packet: Packet; edit: Edit }) {
  const t = useT();
  const locale = useLocale();
  const { canEdit } = useContext(Rights);
  const items = (getIn(packet, spec.list) as ({ id: string } & Record<string, unknown>)[] | undefined) ?? [];
  const listLabel = fieldLabel(spec.list, locale);
  return (
    <div className="list" id={fieldAnchorId(spec.list)} data-list={spec.list} tabIndex={-1}>
      {spec.list !== 'stakeholders' && spec.list !== 'followUps' && spec.list !== 'introductions' ? (
        <div className="muted list-title">
          {listLabel} <NewBadge packet={packet} path={spec.list} />
        </div>
      ) : (
        <NewBadge packet={packet} path={spec.list} />
      )}
      {items.map((item, index) => {
        const crm = item.crm === 'pending' || item.crm === 'confirmed' ? item.crm : null;
        const confirm = () => edit({ kind: 'update', list: spec.list, id: item.id, patch: { crm: 'confirmed' } });
        return (
        <div
          className="item item-grid"
          key={item.id}
          data-item-id={item.id}
          data-prefill={crm ?? undefined}
          // Editing a row the CRM filled in makes it the rep's: confirmed.
          onInput={crm === 'pending' && canEdit ? confirm : undefined}
        >
          {crm && (
            <PrefillMark state={crm} source={String(item.crmSource ?? '')} readAt={String(item.crmReadAt ?? '')} what={`${listLabel} ${index + 1}`} canEdit={canEdit} onConfirm={confirm} />
          )}
          {spec.fields.map((f) => {
            const path = `${spec.list}.${f.key}`;
            const label = fieldLabel(path, locale);
            return (
              <label key={f.key} className={`field${f.wide ? ' field-wide' : ''}${f.kind === 'bool' ? ' check' : ''}`}>
                <span>{label}</span>
                <FieldInput
                  kind={f.kind}
                  options={f.options}
                  value={item[f.key]}
                  label={`${label} ${index + 1}`}
                  dataPath={`${path}[${index}]`}
                  readOnly={!canEdit}
                  onChange={(value) => edit({ kind: 'update', list: spec.list, id: item.id, patch: { [f.key]: value } })}
                />
              </label>
            );
          })}
          {canEdit && (
            <button
              type="button"
              className="remove"
              aria-label={`${t('removeRow')} ${listLabel} ${index + 1}`}
              onClick={() =>
                // A row from the CRM is also dismissed, so the page does not offer it again.
                crm ? removeMarkedOps({ where: spec.list as PendingMark['where'], id: item.id }, item.id, new Date().toISOString()).forEach(edit) : edit({ kind: 'remove', list: spec.list, id: item.id })
              }
            >
              ×
            </button>
          )}
        </div>
        );
      })}
      <Refused path={spec.list} />
      {canEdit && (
      <button
        type="button"
        data-add={spec.list}
        onClick={() => {
          const newId = crypto.randomUUID();
          edit({ kind: 'add', list: spec.list, item: { id: newId } });
          // Put the cursor in the new row so the rep can keep typing.
          requestAnimationFrame(() =>
            document.querySelector<HTMLElement>(`[data-item-id="${newId}"] input, [data-item-id="${newId}"] select, [data-item-id="${newId}"] textarea`)?.focus(),
          );
        }}
      >
        + {t('addRow')} {listLabel}
      </button>
      )}
    </div>
  );
}

type SectionProps = { spec: SectionSpec; packet: Packet; edit: Edit; satisfied: boolean | null; required: boolean; toConfirm: boolean };

/**
 * A section renders again only when what it shows changed: its own fields and
 * lists, or the amendment badges (edits copy only the objects on their path,
 * so an untouched value keeps its identity). A keystroke then renders one
 * section, not eleven (issue 14: autosave ≤ 3× a raw put, the render is on its way).
 */
function sameSection(a: SectionProps, b: SectionProps): boolean {
  if (a.spec !== b.spec || a.edit !== b.edit || a.satisfied !== b.satisfied || a.required !== b.required || a.toConfirm !== b.toConfirm) return false;
  if (a.packet === b.packet) return true;
  if (a.packet.review.amendedPaths !== b.packet.review.amendedPaths || a.packet.prefill !== b.packet.prefill) return false;
  return a.spec.blocks.every((blk) => {
    const path = blk.type === 'field' ? blk.path : blk.list;
    return getIn(a.packet, path) === getIn(b.packet, path);
  });
}

/** The team model's draft button, in the sections it drafts, for whoever may edit them now. */
function Drafting({ spec, packet, edit }: { spec: SectionSpec; packet: Packet; edit: Edit }) {
  const { canEdit } = useContext(Rights);
  const kind = DRAFTED_SECTIONS[spec.id];
  return kind && canEdit ? <DraftPanel kind={kind} packet={packet} edit={edit} /> : null;
}

const Section = memo(function Section({ spec, packet, edit, satisfied, required, toConfirm }: SectionProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <details className={`section${satisfied === false && required ? (toConfirm ? ' to-confirm' : ' missing') : ''}`} open data-section={spec.id} data-to-confirm={toConfirm || undefined}>
      <summary>
        {sectionLabel(spec.id, locale)}
        {satisfied === false && required && <span className="missing-label"> {toConfirm ? t('toConfirmShort') : t('missingShort')}</span>}
        {satisfied === false && !required && toConfirm && <span className="to-confirm-label"> {t('toConfirmShort')}</span>}
        {satisfied === true && <span className="done" aria-label="✓">✓</span>}
        {satisfied === false && <span className={required ? 'req' : 'opt'}>•</span>}
      </summary>
      {spec.blocks.map((b) =>
        b.type === 'field' ? <Field key={b.path} spec={b} packet={packet} edit={edit} /> : <List key={b.list} spec={b} packet={packet} edit={edit} />,
      )}
      {spec.blocks.length === 0 && <p className="muted">{t('noneYet')}</p>}
      <Drafting spec={spec} packet={packet} edit={edit} />
    </details>
  );
}, sameSection);

/** Why the editor is read-only for this person now, or that edits are amendments. */
function RightsNotice() {
  const t = useT();
  const { canEdit, ctx, refusals } = useContext(Rights);
  const elsewhere = refusals.filter((x) => !EDITOR_PATHS.has(opPath(x.op)));
  const notice = canEdit
    ? ctx.status === 'accepted'
      ? t('editor.amending')
      : null
    : ctx.role === 'rep' || refusals.some((x) => x.code === 'notOwner')
      ? t('editor.readOnlyOther')
      : ctx.status === 'submitted'
        ? t('editor.readOnlyReview')
        : t('editor.readOnlyDraft');
  return (
    <>
      {notice && (
        <p className={canEdit ? 'muted small' : 'notice'} data-field="edit-rights" data-value={canEdit ? (ctx.status === 'accepted' ? 'amend' : 'edit') : 'read-only'}>
          {notice}
        </p>
      )}
      {elsewhere.length > 0 && (
        <section className="refusals-elsewhere" aria-label={t('refusal.elsewhere')}>
          <h3>{t('refusal.elsewhere')}</h3>
          {elsewhere.map((x) => (
            <RefusalNote key={x.id} refusal={x} ctx={ctx} showWhere onReturnReason={undefined} />
          ))}
        </section>
      )}
    </>
  );
}

/** `forReview`: the CSM reading a submitted packet — risks and open items first. */
export function PacketEditor({
  packet,
  edit,
  score,
  rights,
  forReview = false,
  crm = null,
}: {
  packet: Packet;
  edit: Edit;
  score: Score;
  rights: EditorRights;
  forReview?: boolean;
  /** the CRM shown (id and display name), to name the source of values it filled in */
  crm?: { id: string; name: string } | null;
}) {
  return (
    <CrmNameContext.Provider value={crm}>
    <Rights.Provider value={rights}>
      <RightsNotice />
      <form className="editor" onSubmit={(e) => e.preventDefault()} data-order={forReview ? 'review' : 'packet'} data-editable={rights.canEdit ? 'true' : 'false'}>
        {(forReview ? readingOrder(SECTIONS) : SECTIONS).map((s) => {
          const items = score.items.filter((i) => s.rules.includes(i.id));
          const satisfied = items.length ? items.every((i) => i.satisfied) : null;
          const toConfirm = items.some((i) => i.toConfirm);
          return <Section key={s.id} spec={s} packet={packet} edit={edit} satisfied={satisfied} required={items.some((i) => i.required)} toConfirm={toConfirm} />;
        })}
      </form>
    </Rights.Provider>
    </CrmNameContext.Provider>
  );
}
