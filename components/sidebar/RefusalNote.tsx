// An edit the server refused, shown where it was typed (issue 11): the
// server's reason in the UI language, the text kept (selectable, copyable),
// and a way out — send it again as an amendment when the rule now allows it,
// use it as a return reason while reviewing, or discard it after confirming.
import { useState } from 'react';
import { editVerdict, opPath, type EditContext } from '@/lib/packet/edit-rights';
import { enumLabel, fieldLabel } from '@/lib/packet/labels';
import { SECTIONS, sectionOf } from '@/lib/packet/sections';
import type { RefusedEditView } from '@/extension/messaging/db-messages';
import type { Locale } from '@/lib/i18n/locale';
import { useLocale, useT } from '../shared/i18n';
import { dbClient } from './db-client';

/** Field paths ("risks.items.severity") whose values are enum keys, shown by their label. */
const ENUM_PATHS = new Set(
  SECTIONS.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'field' ? (b.kind === 'enum' ? [b.path] : []) : b.fields.filter((f) => f.kind === 'enum').map((f) => `${b.list}.${f.key}`)))),
);

/** The typed content of a refused edit as plain text ('' for a removed row). */
export function refusedText(r: RefusedEditView, locale: Locale): string {
  const show = (path: string, v: unknown) => (ENUM_PATHS.has(path) && typeof v === 'string' ? enumLabel(v, locale) : String(v));
  const op = r.op;
  if (op.kind === 'set') return op.value === null || op.value === undefined ? '' : show(op.path, op.value);
  if (op.kind === 'add' || op.kind === 'update') {
    const fields = op.kind === 'add' ? op.item : op.patch;
    return Object.entries(fields)
      .filter(([k, v]) => k !== 'id' && v !== null && v !== '' && v !== undefined)
      .map(([k, v]) => `${fieldLabel(`${op.list}.${k}`, locale)}: ${show(`${op.list}.${k}`, v)}`)
      .join('\n');
  }
  return '';
}

/** The checklist item a return reason about this edit belongs to, if any. */
export function returnItemFor(r: RefusedEditView): string | null {
  const section = sectionOf(opPath(r.op));
  return SECTIONS.find((s) => s.id === section)?.rules[0] ?? null;
}

async function copy(text: string, area: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The CRM page may not let its frames write the clipboard: select it and copy the old way.
    area?.select();
    return document.execCommand('copy');
  }
}

interface Props {
  refusal: RefusedEditView;
  ctx: EditContext;
  /** shown outside its field (the field is not in the editor): name where it was typed */
  showWhere?: boolean;
  onReturnReason?: ((item: string, text: string, refusalId: string) => void) | undefined;
}

export function RefusalNote({ refusal, ctx, showWhere = false, onReturnReason }: Props) {
  const t = useT();
  const locale = useLocale();
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState(false);
  const [area, setArea] = useState<HTMLTextAreaElement | null>(null);
  const text = refusedText(refusal, locale);
  const reason = refusal.code === 'invalid' ? t('refusal.invalid', { reason: refusal.reason }) : t(`refusal.${refusal.code}`);
  const now = editVerdict(ctx, refusal.op);
  const returnItem = ctx.status === 'submitted' && ctx.role !== 'rep' && onReturnReason && text ? returnItemFor(refusal) : null;
  const where = fieldLabel(opPath(refusal.op), locale);
  return (
    <div className="refusal" role="alert" data-refusal={refusal.id} data-refusal-code={refusal.code} data-refusal-path={opPath(refusal.op)}>
      <p className="refusal-reason">
        {showWhere && <strong>{where}: </strong>}
        {t('refusal.title', { reason })}
      </p>
      {text ? (
        <textarea ref={setArea} readOnly className="refusal-text" aria-label={`${t('refusal.typed')} (${where})`} value={text} rows={Math.min(4, text.split('\n').length)} data-refusal-text />
      ) : (
        <p className="muted">{refusal.op.kind === 'remove' ? t('refusal.removedRow') : ''}</p>
      )}
      <div className="refusal-actions">
        {text && (
          <button type="button" data-refusal-action="copy" onClick={() => void copy(text, area).then(setCopied)}>
            {copied ? t('refusal.copied') : t('refusal.copy')}
          </button>
        )}
        {now.ok && (
          <button type="button" data-refusal-action="resend" onClick={() => void dbClient.request({ type: 'refusal:resend', id: refusal.id })}>
            {now.amendment ? t('refusal.amend') : t('refusal.retry')}
          </button>
        )}
        {returnItem && (
          <button type="button" data-refusal-action="return" onClick={() => onReturnReason?.(returnItem, text, refusal.id)}>
            {t('refusal.asReturn')}
          </button>
        )}
        {confirming ? (
          <span role="group" aria-label={t('refusal.discardConfirm')}>
            <span className="refusal-confirm">{t('refusal.discardConfirm')}</span>{' '}
            <button type="button" className="danger" data-refusal-action="discard-confirm" onClick={() => void dbClient.request({ type: 'refusal:discard', id: refusal.id })}>
              {t('refusal.discardYes')}
            </button>{' '}
            <button type="button" data-refusal-action="keep" autoFocus onClick={() => setConfirming(false)}>
              {t('refusal.keep')}
            </button>
          </span>
        ) : (
          <button type="button" data-refusal-action="discard" onClick={() => setConfirming(true)}>
            {t('refusal.discard')}
          </button>
        )}
      </div>
    </div>
  );
}
