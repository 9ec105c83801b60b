// The team's checklist template (managers): which items are required, their
// weights, the submission threshold. Preview first — how many open packets
// would fall below the threshold — then save; packets are re-scored, never
// changed.
import { useEffect, useState } from 'react';
import { RULE_IDS } from '@/lib/packet/checklist-rules';
import type { ChecklistTemplate } from '@/lib/packet/checklist-template';
import { ruleLabel } from '@/lib/packet/labels';
import { templateBodySchema } from '@/lib/sync/api-schemas';
import { useFormErrors } from '../shared/form-errors';
import { useLocale, useT } from '../shared/i18n';
import { errorText, serverApi, type ServerAnswer } from '../shared/server-api';
import { templateAnswerSchema, templatePreviewAnswerSchema, type TemplatePreviewAnswer as Preview } from '@/lib/sync/api-responses';
import { TableHead } from '../shared/TableHead';

type Row = { on: boolean; required: boolean; weight: string };

export function TemplateEditor() {
  const t = useT();
  const locale = useLocale();
  const [saved, setSaved] = useState<ChecklistTemplate | null>(null);
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [threshold, setThreshold] = useState('80');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [loadFailure, setLoadFailure] = useState<ServerAnswer<unknown> | null>(null);
  const [busy, setBusy] = useState(false);

  const adopt = (tpl: ChecklistTemplate) => {
    setSaved(tpl);
    setThreshold(String(tpl.threshold));
    setRows(Object.fromEntries(RULE_IDS.map((id) => {
      const i = tpl.items.find((x) => x.id === id);
      return [id, { on: !!i, required: i?.required ?? false, weight: String(i?.weight ?? 1) }];
    })));
  };
  useEffect(() => {
    void serverApi('GET', '/v1/team/template', undefined, templateAnswerSchema).then((r) => (r.ok ? adopt(r.json.template) : setLoadFailure(r)));
  }, []);

  const proposed = () => ({
    threshold: threshold.trim() === '' ? NaN : Number(threshold),
    items: RULE_IDS.filter((id) => rows[id]?.on).map((id) => ({ id, required: rows[id]!.required, weight: rows[id]!.weight.trim() === '' ? NaN : Number(rows[id]!.weight) })),
  });
  // items[i] → the row of the i-th item in use; "items" and the rest → the summary
  const errors = useFormErrors('template', (path) => {
    if (path === 'threshold') return 'threshold';
    const m = /^items\[(\d+)\]\.(weight|required)/.exec(path);
    const id = m ? proposed().items[Number(m[1])]?.id : undefined;
    return m && id ? `${m[2]}.${id}` : null;
  });
  const send = async (path: '/v1/team/template' | '/v1/team/template/preview') => {
    const body = proposed();
    const local = templateBodySchema.safeParse(body);
    if (!local.success) return errors.fromZod(local.error, body);
    errors.clear();
    setBusy(true);
    if (path === '/v1/team/template') {
      const r = await serverApi('PUT', path, body, templateAnswerSchema);
      setBusy(false);
      if (!r.ok) return errors.fromAnswer(r, body);
      adopt(r.json.template);
      setPreview(null);
    } else {
      const r = await serverApi('POST', path, body, templatePreviewAnswerSchema);
      setBusy(false);
      if (!r.ok) return errors.fromAnswer(r, body);
      setPreview(r.json);
    }
  };
  const set = (id: string, patch: Partial<Row>) => {
    setRows({ ...rows, [id]: { ...rows[id]!, ...patch } });
    setPreview(null);
  };

  if (!saved)
    return (
      <p className="muted" role="status">
        {loadFailure ? errorText(loadFailure, locale) : <span className="spinner" aria-hidden="true" />}
      </p>
    );
  return (
    <section className="card" id="template" aria-labelledby="template-h" data-field="template-editor" ref={errors.ref}>
      <h2 id="template-h">{t('template.heading')}</h2>
      <p className="muted small">{t('template.version', { version: saved.version })}</p>
      <table className="users">
        <TableHead labels={[t('template.item'), t('template.used'), t('template.required'), t('template.weight')]} />
        <tbody>
          {RULE_IDS.map((id) => (
            <tr key={id} data-rule={id}>
              <td>{ruleLabel(id, locale)}</td>
              <td>
                <input type="checkbox" aria-label={`${ruleLabel(id, locale)}: ${t('template.used')}`} checked={rows[id]?.on ?? false} onChange={(e) => set(id, { on: e.target.checked })} />
              </td>
              <td>
                <input type="checkbox" name={`required.${id}`} aria-label={`${ruleLabel(id, locale)}: ${t('template.required')}`} disabled={!rows[id]?.on} checked={rows[id]?.required ?? false} onChange={(e) => set(id, { required: e.target.checked })} />
              </td>
              <td>
                <input name={`weight.${id}`} inputMode="decimal" aria-label={`${ruleLabel(id, locale)}: ${t('template.weight')}`} disabled={!rows[id]?.on} value={rows[id]?.weight ?? ''} onChange={(e) => set(id, { weight: e.target.value })} {...errors.aria(`weight.${id}`)} />
                {errors.at(`weight.${id}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="inline">
        {t('template.threshold')}
        <input name="threshold" inputMode="numeric" value={threshold} onChange={(e) => (setThreshold(e.target.value), setPreview(null))} {...errors.aria('threshold')} />%
        {errors.at('threshold')}
      </label>
      <div className="row">
        <button type="button" disabled={busy} data-field="template-preview" onClick={() => void send('/v1/team/template/preview')}>
          {t('template.preview')}
        </button>{' '}
        <button type="button" className="primary" disabled={busy} data-field="template-save" onClick={() => void send('/v1/team/template')}>
          {busy && <span className="spinner" aria-hidden="true" />} {t('template.save')}
        </button>
      </div>
      {preview && (
        <p className="warn" data-field="template-effect" data-value={preview.belowThresholdAfter}>
          {t('template.effect', { after: preview.belowThresholdAfter, open: preview.openPackets, now: preview.belowThresholdNow, blocked: preview.cannotSubmitAfter })}
        </p>
      )}
      {errors.summary('template-errors')}
    </section>
  );
}
