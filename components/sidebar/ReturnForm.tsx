// The CSM's "return" with a reason per checklist item: the rep's sidebar then
// lists exactly those items and why (SubmitBar). A refused edit can be turned
// into a reason (RefusalNote): the form then opens with it filled in.
import { useEffect, useState } from 'react';
import { ruleLabel } from '@/lib/packet/labels';
import { ConfirmAction } from '../shared/ConfirmAction';
import { useLocale, useT } from '../shared/i18n';

/** Reasons by checklist item drafted from refused edits, with the refusals they came from. */
export type ReturnDraft = Record<string, { reason: string; ids: string[] }>;

export function ReturnForm({ items, busy, draft = {}, onReturn }: { items: string[]; busy: boolean; draft?: ReturnDraft; onReturn: (reasons: { item: string; reason: string }[]) => void }) {
  const t = useT();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const [reasons, setReasons] = useState<Record<string, string | undefined>>({});
  // A refused edit sent here: open the form with it as that item's reason (typing already there is kept).
  useEffect(() => {
    const entries = Object.entries(draft).filter(([item]) => items.includes(item));
    if (!entries.length) return;
    setOpen(true);
    setReasons((cur) => {
      const next = { ...cur };
      for (const [item, d] of entries) if (!(next[item] ?? '').includes(d.reason)) next[item] = [next[item], d.reason].filter(Boolean).join('\n');
      return entries.every(([item]) => next[item] === cur[item]) ? cur : next;
    });
    // Only a new draft opens the form again; the item list is the template's, rebuilt each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft]);
  if (!open)
    return (
      <button type="button" data-field="return-open" disabled={busy} onClick={() => setOpen(true)}>
        {t('return.open')}
      </button>
    );
  const picked = Object.entries(reasons).filter((e): e is [string, string] => e[1] !== undefined);
  const ready = picked.length > 0 && picked.every(([, r]) => r.trim());
  return (
    <ConfirmAction action="return" question={t('confirm.return')} onConfirm={() => onReturn(picked.map(([item, reason]) => ({ item, reason: reason.trim() })))}>
      {(ask, asking) => (
        <form
          className="return-form"
          data-field="return-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (ready) ask();
          }}
        >
          <fieldset>
          <legend>{t('return.pick')}</legend>
          {items.map((id) => ({ id })).map((i) => (
            <div key={i.id} className="return-item">
              <label className="inline">
                <input
                  type="checkbox"
                  data-return-item={i.id}
                  checked={reasons[i.id] !== undefined}
                  onChange={(e) => setReasons({ ...reasons, [i.id]: e.target.checked ? '' : undefined })}
                />
                {ruleLabel(i.id, locale)}
              </label>
              {reasons[i.id] !== undefined && (
                <label className="field">
                  <span>{t('return.reason')}</span>
                  <textarea data-return-reason={i.id} aria-label={`${ruleLabel(i.id, locale)}: ${t('return.reason')}`} rows={2} value={reasons[i.id]} maxLength={2000} onChange={(e) => setReasons({ ...reasons, [i.id]: e.target.value })} />
                </label>
              )}
            </div>
          ))}
          </fieldset>
          <div className="row">
            <button type="submit" className="primary" data-field="return-send" disabled={busy || !ready || asking}>
              {t('return.send')}
            </button>
            <button type="button" data-field="return-cancel" onClick={() => setOpen(false)}>
              {t('return.cancel')}
            </button>
          </div>
        </form>
      )}
    </ConfirmAction>
  );
}
