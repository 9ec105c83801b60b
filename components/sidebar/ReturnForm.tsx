// The CSM's "return" with a reason per checklist item: the rep's sidebar then
// lists exactly those items and why (SubmitBar).
import { useState } from 'react';
import { ruleLabel } from '@/lib/packet/labels';
import { useLocale, useT } from '../shared/i18n';

export function ReturnForm({ items, busy, onReturn }: { items: string[]; busy: boolean; onReturn: (reasons: { item: string; reason: string }[]) => void }) {
  const t = useT();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const [reasons, setReasons] = useState<Record<string, string | undefined>>({});
  if (!open)
    return (
      <button type="button" data-field="return-open" disabled={busy} onClick={() => setOpen(true)}>
        {t('return.open')}
      </button>
    );
  const picked = Object.entries(reasons).filter((e): e is [string, string] => e[1] !== undefined);
  const ready = picked.length > 0 && picked.every(([, r]) => r.trim());
  return (
    <form
      className="return-form"
      data-field="return-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) onReturn(picked.map(([item, reason]) => ({ item, reason: reason.trim() })));
      }}
    >
      <p className="muted small">{t('return.pick')}</p>
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
            <input data-return-reason={i.id} aria-label={`${ruleLabel(i.id, locale)}: ${t('return.reason')}`} placeholder={t('return.reason')} value={reasons[i.id]} maxLength={2000} onChange={(e) => setReasons({ ...reasons, [i.id]: e.target.value })} />
          )}
        </div>
      ))}
      <button type="submit" data-field="return-send" disabled={busy || !ready}>
        {t('return.send')}
      </button>{' '}
      <button type="button" className="link" onClick={() => setOpen(false)}>
        {t('return.cancel')}
      </button>
    </form>
  );
}
