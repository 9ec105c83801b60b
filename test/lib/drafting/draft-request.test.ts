// The drafting rules without a server (issue 19 item 4): which language a
// packet is in, what the model is asked (the packet's follow-ups, notes and
// what stakeholders want; nothing invented), how its answer becomes a draft,
// and the admin's settings.
import { describe, expect, it } from 'vitest';
import { applyDraftingBody, DEFAULT_DRAFTING_POLICY, draftingBodySchema, draftingView } from '@/lib/drafting/drafting-policy';
import { draftMessages, readDraft } from '@/lib/drafting/draft-request';
import { packetLanguage } from '@/lib/drafting/packet-language';
import { newPacket, packetSchema, type Packet } from '@/lib/packet/schema';
import { emptySnapshot } from '@/lib/crm/types';

const base = newPacket({ crm: 'hubspot', tenant: '4471', recordId: '1' }, { ...emptySnapshot(), dealName: 'Rollout 2027', accountName: '上海华联' }, '', new Date('2026-11-30T00:00:00Z'));
const withText = (patch: Partial<Packet>) => packetSchema.parse({ ...base, ...patch });
const followUp = (summary: string) => ({ id: summary.slice(0, 8), date: '2026-10-12', who: 'Wang', kind: 'visit' as const, summary });

describe('packetLanguage', () => {
  it('falls back to the reader’s language while the rep has written nothing (CRM values do not count)', () => {
    expect(packetLanguage(base, 'zh-TW')).toBe('zh-TW');
    expect(packetLanguage(base, 'en')).toBe('en');
  });
  it('Simplified, Traditional or English by the rep’s own text', () => {
    expect(packetLanguage(withText({ salesNotes: '客户关心月结对账' }), 'en')).toBe('zh-CN');
    expect(packetLanguage(withText({ salesNotes: '客戶關心月結對帳' }), 'en')).toBe('zh-TW');
    expect(packetLanguage(withText({ followUps: [followUp('Demo for the CFO, wants SAP integration')] }), 'zh-CN')).toBe('en');
    // mostly Chinese with product names in Latin letters is still Chinese
    expect(packetLanguage(withText({ salesNotes: '对接用友 U8 和 SAP，月结从三天到半天' }), 'en')).toBe('zh-CN');
  });
});

describe('draftMessages', () => {
  const p = withText({ followUps: [followUp('CFO wants month-end close in half a day')], salesNotes: 'Competitor was 10% cheaper', stakeholders: [{ id: 's', name: 'Li Na', title: 'CFO', phone: '', email: '', im: '', role: 'decision_maker', personality: '', wants: 'fewer manual reconciliations' }] });
  it('asks in the packet’s language, for JSON of the section’s fields, from the packet’s material only', () => {
    const [system, user] = draftMessages(p, 'whyWon', 'zh-CN');
    expect(system!.content).toContain('Simplified Chinese');
    expect(system!.content).toMatch(/never invent/);
    expect(user!.content).toContain('"decisivePoints"');
    for (const fact of ['CFO wants month-end close in half a day', 'Competitor was 10% cheaper', 'fewer manual reconciliations', 'Rollout 2027', '上海华联']) expect(user!.content).toContain(fact);
    expect(draftMessages(p, 'expectations', 'en')[1]!.content).toContain('"goals"');
  });
});

describe('readDraft', () => {
  it('reads the JSON out of fences or prose; wrong types become empty', () => {
    expect(readDraft('whyWon', 'Here it is:\n```json\n{"decisivePoints": "A", "problemsToSolve": 3}\n```')).toEqual({ whyWon: { decisivePoints: 'A', problemsToSolve: '' }, expectations: null, text: expect.any(String) });
    expect(readDraft('expectations', '{"goals": [{"goal": "Close in half a day", "target": "by June"}, {"goal": " "}], "featureAsks": ""}').expectations).toEqual({ goals: [{ goal: 'Close in half a day', target: 'by June' }], featureAsks: '' });
  });
  it('an answer with no usable field is text only', () => {
    expect(readDraft('whyWon', 'I cannot help with that.')).toEqual({ whyWon: null, expectations: null, text: 'I cannot help with that.' });
    expect(readDraft('whyWon', '{"decisivePoints": "", "problemsToSolve": ""}').whyWon).toBeNull();
    expect(readDraft('expectations', '{"goals": "many"}').expectations).toBeNull();
    expect(readDraft('whyWon', '{not json}').whyWon).toBeNull();
  });
});

describe('drafting settings', () => {
  it('turning drafting on needs an address and a model; addresses are http(s) without query or password', () => {
    const issues = (b: unknown) => draftingBodySchema.safeParse(b).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(issues({ enabled: true, endpoint: '', model: '' })).toEqual(['endpoint', 'model']);
    expect(issues({ enabled: false, endpoint: '', model: '' })).toEqual([]);
    for (const bad of ['ftp://x/v1', 'https://x/v1?key=1', 'https://u:p@x/v1', 'x/v1']) expect(issues({ enabled: true, endpoint: bad, model: 'm' })).toEqual(['endpoint']);
    expect(issues({ enabled: true, endpoint: 'http://10.0.0.5:11434/v1', model: 'qwen2.5' })).toEqual([]);
  });
  it('a key left out is kept, null removes it; the view never holds it', () => {
    const on = applyDraftingBody(DEFAULT_DRAFTING_POLICY, { enabled: true, endpoint: 'https://x/v1', model: 'm', apiKey: 'sk-1' });
    expect(applyDraftingBody(on, { enabled: true, endpoint: 'https://x/v1', model: 'm2' }).apiKey).toBe('sk-1');
    expect(applyDraftingBody(on, { enabled: true, endpoint: 'https://x/v1', model: 'm', apiKey: null }).apiKey).toBeNull();
    expect(draftingView(on)).toEqual({ enabled: true, endpoint: 'https://x/v1', model: 'm', hasKey: true });
    expect(JSON.stringify(draftingView(on))).not.toContain('sk-1');
  });
});
