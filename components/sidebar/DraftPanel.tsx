// "Draft with the team's model" in the why-we-won and expectations sections
// (issue 19 item 4). The draft is shown apart, marked as a draft with the
// model's name; it enters the packet only when the rep uses it, and then
// fills empty fields and adds goals: nothing the rep wrote is replaced.
import { useState } from 'react';
import { draftAnswerSchema, type DraftAnswer, type DraftKind } from '@/lib/drafting/draft-request';
import { apiErrorText, errorOfBody } from '@/lib/i18n/api-errors';
import { fieldLabel } from '@/lib/packet/labels';
import type { Packet } from '@/lib/packet/schema';
import type { PacketOp } from '@/lib/sync/packet-ops';
import { useLocale, useT } from '../shared/i18n';
import { dbClient } from './db-client';
import { useDraftingModel } from './use-drafting';

/** The packet sections a model may draft, and the draft kind of each. */
export const DRAFTED_SECTIONS: Record<string, DraftKind> = { whyWon: 'whyWon', goals: 'expectations' };

/** The ops that put `d` into `p`: only into empty fields, goals added as new rows. */
export function draftOps(p: Packet, d: DraftAnswer): PacketOp[] {
  const ops: PacketOp[] = [];
  const fill = (path: string, now: string, value: string) => {
    if (!now.trim() && value.trim()) ops.push({ kind: 'set', path, value: value.trim() });
  };
  if (d.whyWon) {
    fill('whyWon.decisivePoints', p.whyWon.decisivePoints, d.whyWon.decisivePoints);
    fill('whyWon.problemsToSolve', p.whyWon.problemsToSolve, d.whyWon.problemsToSolve);
  }
  if (d.expectations) {
    for (const g of d.expectations.goals) ops.push({ kind: 'add', list: 'goals', item: { id: crypto.randomUUID(), goal: g.goal.trim(), target: g.target.trim() } });
    fill('featureAsks', p.featureAsks, d.expectations.featureAsks);
  }
  return ops;
}

function DraftView({ draft }: { draft: DraftAnswer }) {
  const t = useT();
  const locale = useLocale();
  const row = (path: string, value: string) =>
    value.trim() ? (
      <p key={path}>
        <b>{fieldLabel(path, locale)}</b> {value}
      </p>
    ) : null;
  if (draft.whyWon) return <>{[row('whyWon.decisivePoints', draft.whyWon.decisivePoints), row('whyWon.problemsToSolve', draft.whyWon.problemsToSolve)]}</>;
  if (draft.expectations)
    return (
      <>
        <ul>
          {draft.expectations.goals.map((g, i) => (
            <li key={i}>
              {g.goal}
              {g.target && ` — ${g.target}`}
            </li>
          ))}
        </ul>
        {row('featureAsks', draft.expectations.featureAsks)}
      </>
    );
  return (
    <>
      <p className="muted small">{t('drafting.rawText')}</p>
      <pre className="draft-raw">{draft.text}</pre>
    </>
  );
}

export function DraftPanel({ kind, packet, edit }: { kind: DraftKind; packet: Packet; edit: (op: PacketOp) => void }) {
  const t = useT();
  const locale = useLocale();
  const model = useDraftingModel();
  const [busy, setBusy] = useState(false);
  const [draft, setDraft] = useState<DraftAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!model) return null;
  const ask = async () => {
    setBusy(true);
    setError(null);
    setDraft(null);
    try {
      const r = await dbClient.request({ type: 'draft:request', key: packet.key, kind, locale });
      const parsed = draftAnswerSchema.safeParse(r.json);
      if (r.status === 200 && parsed.success) setDraft(parsed.data);
      else setError(r.status === 404 ? t('drafting.notSynced') : t('drafting.failed', { error: apiErrorText(errorOfBody(r.json), locale, { status: r.status }) }));
    } catch (e) {
      setError(t('drafting.failed', { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };
  const usable = draft && (draft.whyWon || draft.expectations);
  return (
    <div className="draft-panel" data-draft={kind}>
      <button type="button" onClick={ask} disabled={busy} data-action="draft">
        {busy && <span className="spinner" aria-hidden="true" />} {t('drafting.draft')}
      </button>
      {busy && (
        <p className="muted small" role="status">
          {t('drafting.working', { model: model.model })}
        </p>
      )}
      {error && (
        <p className="reason small" role="alert" data-field="draft-error">
          {error}
        </p>
      )}
      {draft && (
        <section className="draft" aria-label={t('drafting.draftTitle', { model: draft.model })} data-field="draft" data-value={draft.kind}>
          <p className="draft-mark">{t('drafting.draftTitle', { model: draft.model })}</p>
          <DraftView draft={draft} />
          {usable && <p className="muted small">{t('drafting.onlyEmpty')}</p>}
          <div className="row">
            {usable && (
              <button
                type="button"
                data-action="use-draft"
                onClick={() => {
                  for (const op of draftOps(packet, draft)) edit(op);
                  setDraft(null);
                }}
              >
                {t('drafting.use')}
              </button>
            )}
            <button type="button" onClick={() => setDraft(null)}>
              {t('drafting.discard')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
