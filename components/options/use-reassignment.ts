// The Reassign card's state (issue 16 item 2): the request being built, the
// server's preview of it, per-packet notes and per-customer choices edited on
// the preview, then the one confirmed action and its result. Any change to
// the request itself drops the preview: what is confirmed is always what was
// previewed (the server refuses with plan_changed when the person's holdings
// moved meanwhile, and the new plan is shown).
import { useState } from 'react';
import { z } from 'zod';
import { fromZod } from '@/lib/i18n/issues';
import { placeIssues } from '@/lib/i18n/api-errors';
import type { Role } from '@/lib/packet/edit-rights';
import { reassignBodySchema, reassignPlanAnswerSchema, type ReassignInput, type ReassignPlanAnswer } from '@/lib/reassign/api-schemas';
import { useLocale } from '../shared/i18n';
import { errorText, serverApi } from '../shared/server-api';

export interface ReassignRequest {
  leaverId: number | null;
  outcome: 'leaves' | 'changesRole';
  newRole: Role | null;
  receivers: number[];
  split: 'even' | 'choice';
  reason: string;
}

const EMPTY: ReassignRequest = { leaverId: null, outcome: 'leaves', newRole: null, receivers: [], split: 'even', reason: '' };
const planChanged = z.object({ error: z.object({ code: z.literal('plan_changed'), plan: reassignPlanAnswerSchema }) });

export type Phase = 'edit' | 'previewing' | 'preview' | 'working' | 'done';

export function useReassignment() {
  const locale = useLocale();
  const [request, setRequest] = useState<ReassignRequest>(EMPTY);
  const [plan, setPlan] = useState<ReassignPlanAnswer | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [choices, setChoices] = useState<Record<string, number>>({});
  const [phase, setPhase] = useState<Phase>('edit');
  const [error, setError] = useState<string | null>(null);

  /** Change the request: the preview no longer holds. A new person starts afresh. */
  const change = (patch: Partial<ReassignRequest>) => {
    setRequest((r) => ({ ...(patch.leaverId !== undefined && patch.leaverId !== r.leaverId ? EMPTY : r), ...patch }));
    setPlan(null);
    setPhase('edit');
    setError(null);
  };

  const showPlan = (p: ReassignPlanAnswer) => {
    setPlan(p);
    setNotes(Object.fromEntries(p.customers.flatMap((c) => c.packets.map((k) => [k.key, k.note]))));
    setChoices(Object.fromEntries(p.customers.map((c) => [c.id, c.receiverId])));
    setPhase('preview');
  };

  const base = (): ReassignInput => ({ outcome: request.outcome, ...(request.outcome === 'changesRole' && request.newRole ? { newRole: request.newRole } : {}), receivers: request.receivers, reason: request.reason });

  /** Checked here with the server's own schema first, so a blank reason is named before anything is sent. */
  function checked(input: ReassignInput): boolean {
    const r = reassignBodySchema.safeParse(input);
    if (r.success) return true;
    setError(placeIssues(fromZod(r.error), locale, 'reassign', input).map((i) => i.text).join(locale === 'en' ? '; ' : '；'));
    return false;
  }

  async function preview(): Promise<void> {
    const input = { ...base(), split: 'even' as const };
    if (request.leaverId === null || !checked(input)) return;
    setError(null);
    setPhase('previewing');
    const r = await serverApi('POST', `/v1/users/${request.leaverId}/reassignment/preview`, input, reassignPlanAnswerSchema);
    if (r.ok) return showPlan(r.json);
    setPhase('edit');
    setError(errorText(r, locale, { form: 'reassign', input }));
  }

  async function confirm(): Promise<void> {
    if (!plan || request.leaverId === null) return;
    const expected = { claimIds: plan.customers.flatMap((c) => c.claims.map((x) => x.id)), packetKeys: plan.customers.flatMap((c) => c.packets.map((p) => p.key)) };
    const input: ReassignInput = {
      ...base(),
      split: request.split,
      ...(request.split === 'choice' ? { choices: Object.entries(choices).map(([customer, receiverId]) => ({ customer, receiverId })) } : {}),
      notes: Object.entries(notes).map(([packetKey, note]) => ({ packetKey, note: note.trim() || request.reason })),
      expected,
    };
    if (!checked(input)) return;
    setError(null);
    setPhase('working');
    const r = await serverApi('POST', `/v1/users/${request.leaverId}/reassignment`, input, reassignPlanAnswerSchema);
    if (r.ok) {
      setPlan(r.json);
      return setPhase('done');
    }
    const changed = planChanged.safeParse(r.json);
    if (changed.success) showPlan(changed.data.error.plan);
    else setPhase('preview');
    setError(errorText(r, locale, { form: 'reassign', input }));
  }

  const again = () => {
    setRequest(EMPTY);
    setPlan(null);
    setPhase('edit');
    setError(null);
  };

  return { request, change, plan, notes, setNote: (key: string, note: string) => setNotes((n) => ({ ...n, [key]: note })), choices, choose: (customer: string, receiverId: number) => setChoices((c) => ({ ...c, [customer]: receiverId })), phase, error, preview, confirm, again };
}

export type Reassignment = ReturnType<typeof useReassignment>;
