// After acceptance, for the CSM: the expansion log — relationship strength,
// solution and price acceptance, and expansion opportunities, which go back
// to the deal's sales owner (the server tells the team's chat).
import { LEVELS, type Packet } from '@/lib/packet/schema';
import type { PacketOp } from '@/lib/sync/packet-ops';
import { ChoiceOptions } from '../shared/ChoiceOptions';
import { useT } from '../shared/i18n';

export function ExpansionPanel({ packet, edit, canEdit }: { packet: Packet; edit: (op: PacketOp) => void; canEdit: boolean }) {
  const t = useT();
  const x = packet.expansion;
  const level = (field: 'relationship' | 'solutionAcceptance' | 'priceAcceptance') => (
    <label className="inline small">
      {t(`expansion.${field}`)}
      <select data-path={`expansion.${field}`} disabled={!canEdit} value={x[field] ?? ''} onChange={(e) => edit({ kind: 'set', path: `expansion.${field}`, value: e.target.value || null })}>
        <option value="">—</option>
        <ChoiceOptions values={LEVELS} label={(l) => t(`level.${l}`)} />
      </select>
    </label>
  );
  return (
    <section className="expansion" aria-label={t('expansion.heading')}>
      <h3>{t('expansion.heading')}</h3>
      <div className="row">
        {level('relationship')}
        {level('solutionAcceptance')}
        {level('priceAcceptance')}
      </div>
      {x.opportunities.map((o, i) => (
        <div key={o.id} className="row" data-item-id={o.id}>
          <input
            aria-label={t('expansion.summary')}
            placeholder={t('expansion.summary')}
            data-path={`expansion.opportunities.summary[${i}]`}
            disabled={!canEdit}
            value={o.summary}
            onChange={(e) => edit({ kind: 'update', list: 'expansion.opportunities', id: o.id, patch: { summary: e.target.value } })}
          />
          <input
            type="number"
            min={0}
            aria-label={t('expansion.value')}
            placeholder={t('expansion.value')}
            data-path={`expansion.opportunities.value[${i}]`}
            disabled={!canEdit}
            value={o.value ?? ''}
            onChange={(e) => edit({ kind: 'update', list: 'expansion.opportunities', id: o.id, patch: { value: e.target.value === '' ? null : Number(e.target.value) } })}
          />
        </div>
      ))}
      {canEdit && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            const input = e.currentTarget.elements.namedItem('summary') as HTMLInputElement;
            if (!input.value.trim()) return;
            edit({ kind: 'add', list: 'expansion.opportunities', item: { id: crypto.randomUUID(), summary: input.value.trim(), date: new Date().toISOString().slice(0, 10) } });
            input.value = '';
          }}
        >
          <input name="summary" data-field="new-opportunity" placeholder={t('expansion.new')} aria-label={t('expansion.new')} maxLength={2000} />
          <button type="submit" data-field="add-opportunity">
            {t('expansion.add')}
          </button>
        </form>
      )}
    </section>
  );
}
