// The "from the CRM" mark on a value or row the page filled in (issue 19): the
// words say where it came from and when it was read (never color alone); a
// pending value has a Confirm button, a field also a Remove (a row has its own ×).
import { createContext, useContext } from 'react';
import type { MessageKey } from '@/lib/i18n/translate';
import { PREFILL_ORIGINS, splitSource } from '@/lib/packet/prefill-marks';
import { useLocale, useT } from '../shared/i18n';

/** The CRM the sidebar shows (its id and display name), to name a mark's source. */
export const CrmNameContext = createContext<{ id: string; name: string } | null>(null);

interface Props {
  state: 'pending' | 'confirmed';
  source: string;
  readAt: string;
  /** what the mark is on, for the buttons' accessible names ("Stakeholders 2") */
  what: string;
  canEdit: boolean;
  onConfirm: () => void;
  onRemove?: (() => void) | undefined;
}

export function PrefillMark({ state, source, readAt, what, canEdit, onConfirm, onRemove }: Props) {
  const t = useT();
  const locale = useLocale();
  const crm = useContext(CrmNameContext);
  const { crm: crmId, origin } = splitSource(source);
  const name = crm && crm.id === crmId ? crm.name : crmId;
  const from = (PREFILL_ORIGINS as readonly string[]).includes(origin) ? t(`prefill.what.${origin}` as MessageKey) : origin;
  const at = readAt && !Number.isNaN(Date.parse(readAt)) ? new Date(readAt).toLocaleString(locale) : '';
  return (
    <div className="crm-mark" data-crm-mark={state} data-crm-source={source}>
      <span className="crm-from" title={at ? t('prefill.readAt', { at }) : undefined}>
        {t('prefill.from', { crm: name, what: from })}
      </span>
      {state === 'confirmed' ? (
        <span className="crm-confirmed">✓ {t('prefill.confirmed')}</span>
      ) : (
        canEdit && (
          <button type="button" data-prefill-confirm aria-label={`${t('prefill.confirm')} — ${what}`} onClick={onConfirm}>
            {t('prefill.confirm')}
          </button>
        )
      )}
      {canEdit && onRemove && (
        <button type="button" data-prefill-remove aria-label={`${t('prefill.remove')} — ${what}`} onClick={onRemove}>
          {t('prefill.remove')}
        </button>
      )}
    </div>
  );
}
