// The sync meeting's agenda on a seeded period; the expected agenda and its
// Markdown are worked out by hand (rules in lib/engagement/sync-agenda.ts).
import { describe, expect, it } from 'vitest';
import { REVIEW_SECTIONS, type ReviewSection, type Verdict } from '@/lib/engagement/retrospective';
import { syncAgenda, syncAgendaMarkdown, type AgendaInput } from '@/lib/engagement/sync-agenda';

const judged = (except: Partial<Record<ReviewSection, [Verdict, string]>> = {}) =>
  Object.fromEntries(REVIEW_SECTIONS.map((s) => [s, { verdict: except[s]?.[0] ?? 'right', note: except[s]?.[1] ?? '' }])) as AgendaInput['reviews'][number]['sections'];

// The two weeks 2026-11-16 … 2026-11-29 (the end instant is exclusive).
const input: AgendaInput = {
  period: { from: '2026-11-16T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' },
  returns: [
    { key: 'k1', deal: 'Northwind renewal', account: 'Northwind', rep: 'Wang', at: '2026-11-17T09:00:00Z', reasons: [{ item: 'risks', reason: 'Name the rollout risk' }] },
    // k1 returned again for the same reason and a new one: once each
    { key: 'k1', deal: 'Northwind renewal', account: 'Northwind', rep: 'Wang', at: '2026-11-20T09:00:00Z', reasons: [{ item: 'risks', reason: 'Name the rollout risk' }, { item: 'contract', reason: 'Term?' }] },
    { key: 'k2', deal: 'Contoso', account: '', rep: 'Adams', at: '2026-11-15T23:59:59Z', reasons: [{ item: 'profile', reason: 'before the period' }] },
  ],
  reviews: [
    { key: 'k3', deal: 'Fabrikam', rep: 'Adams', csm: 'Li', submittedAt: '2026-11-18T10:00:00Z', sections: judged({ stakeholders: ['missing', 'No IT contact'], contract: ['wrong', 'Term is 24 months'] }), profileFit: 'partly', profileNote: 'Too small' },
    { key: 'k4', deal: 'Tailspin', rep: 'Wang', csm: 'Li', submittedAt: '2026-11-19T10:00:00Z', sections: judged(), profileFit: 'yes', profileNote: '' },
    { key: 'k5', deal: 'Old', rep: 'Wang', csm: 'Li', submittedAt: '2026-11-30T00:00:00Z', sections: judged({ risks: ['missing', 'after the period'] }), profileFit: 'no', profileNote: '' },
  ],
  conflicts: [
    { id: 9, customer: 'Globex', holder: 'Wang', opener: 'Adams', openedAt: '2026-11-21T08:00:00Z', evidence: 'Met them at the *fair*' },
    { id: 4, customer: 'Initech', holder: 'Adams', opener: 'Wang', openedAt: '2026-10-02T08:00:00Z', evidence: '' },
    { id: 12, customer: 'Later', holder: 'Adams', opener: 'Wang', openedAt: '2026-11-30T08:00:00Z', evidence: '' },
  ],
  opportunities: [
    { key: 'k4', deal: 'Tailspin', account: 'Tailspin Toys', summary: 'Second site', value: 12000, currency: 'EUR', date: '2026-11-29' },
    { key: 'k3', deal: 'Fabrikam', account: '', summary: 'Training days', value: null, currency: '', date: '2026-11-16' },
    { key: 'k3', deal: 'Fabrikam', account: '', summary: 'Too early', value: 5, currency: '', date: '2026-11-15' },
    { key: 'k3', deal: 'Fabrikam', account: '', summary: 'Undated', value: 5, currency: '', date: '' },
  ],
};

describe('sync meeting agenda', () => {
  const a = syncAgenda(input);

  it('returned packets: k1 once, returned twice, each reason once; k2 was before the period', () => {
    expect(a.returned).toEqual([
      { key: 'k1', deal: 'Northwind renewal', account: 'Northwind', rep: 'Wang', times: 2, lastAt: '2026-11-20T09:00:00Z', reasons: [{ item: 'risks', reason: 'Name the rollout risk' }, { item: 'contract', reason: 'Term?' }] },
    ]);
  });

  it('findings: 2 reviews in the period, 1 all right; only the wrong and missing sections listed', () => {
    expect(a.findings.reviews).toBe(2);
    expect(a.findings.allRight).toBe(1);
    expect(a.findings.items).toEqual([
      {
        key: 'k3',
        deal: 'Fabrikam',
        rep: 'Adams',
        csm: 'Li',
        submittedAt: '2026-11-18T10:00:00Z',
        sections: [
          { section: 'stakeholders', verdict: 'missing', note: 'No IT contact' },
          { section: 'contract', verdict: 'wrong', note: 'Term is 24 months' },
        ],
        profileFit: 'partly',
        profileNote: 'Too small',
      },
    ]);
  });

  it('open conflicts opened before the end, oldest first; opportunities dated in the period, newest first', () => {
    expect(a.conflicts.map((c) => c.id)).toEqual([4, 9]);
    expect(a.opportunities.map((o) => o.summary)).toEqual(['Second site', 'Training days']);
  });

  it('as Markdown: a title with the days covered, four numbered sections, data escaped', () => {
    expect(syncAgendaMarkdown(a, 'en')).toBe(
      [
        '# Sales–CS sync: 2026-11-16 to 2026-11-29',
        '',
        '## 1. Returned packets (1)',
        '',
        '- **Northwind renewal** (Northwind) — rep Wang, returned 2×, last on 2026-11-20',
        '  - Risks: Name the rollout risk',
        '  - Contract: Term?',
        '',
        '## 2. Retrospective findings (reviews: 2, all right: 1)',
        '',
        '- **Fabrikam** — rep Adams, reviewed by Li on 2026-11-18',
        '  - Stakeholders: Missing — No IT contact',
        '  - Contract: Wrong — Term is 24 months',
        '  - Fitted the ideal customer profile: Partly — Too small',
        '',
        '## 3. Open claim conflicts (2)',
        '',
        '- **Initech** — held by Adams, disputed by Wang since 2026-10-02',
        '- **Globex** — held by Wang, disputed by Adams since 2026-11-21: Met them at the \\*fair\\*',
        '',
        '## 4. Expansion opportunities logged by CS (2)',
        '',
        '- 2026-11-29 **Tailspin** (Tailspin Toys): Second site — 12,000 EUR',
        '- 2026-11-16 **Fabrikam**: Training days',
        '',
      ].join('\n'),
    );
  });

  it('in Chinese, with an empty section saying so', () => {
    const md = syncAgendaMarkdown(syncAgenda({ ...input, returns: [] }), 'zh-CN');
    expect(md.split('\n').slice(0, 5)).toEqual(['# 销售与客户成功同步会 2026-11-16 至 2026-11-29', '', '## 1. 被退回的交接包（0）', '', '- 这段时间没有。']);
    expect(md).toContain('  - 关键联系人：漏写 — No IT contact');
  });
});
