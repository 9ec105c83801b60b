// The intro email and the kickoff agenda go to the customer: every text field
// of the packet is filled with a marker naming its path, and only the
// customer-facing ones (lib/engagement/customer-facing.ts) may appear in a
// draft, in every language. The packet is filled by walking the schema, so a
// section added later is internal until someone decides otherwise.
import { describe, expect, it } from 'vitest';
import { draftIntroEmail, type IntroLanguage } from '@/lib/engagement/intro-email';
import { agendaMarkdown, kickoffAgenda } from '@/lib/engagement/kickoff-agenda';
import { LIST_ITEM_SCHEMAS, newPacket, type Packet } from '@/lib/packet/schema';

/** the paths the customer may read; everything else is internal */
const SHOWN = new Set([
  'deal.accountName',
  'deal.owner',
  'stakeholders.name',
  'stakeholders.title',
  'contract.purchases.product',
  'contract.startDate',
  'whyWon.problemsToSolve',
  'goals.goal',
  'goals.target',
  'goals.due',
  'milestones.text',
  'milestones.date',
  'openItems.text',
  'openItems.owner',
  'openItems.due',
]);
// Field values that are not free text (ids, keys, timestamps, the deal link) are left alone.
const SKIP = new Set(['key', 'dealUrl', 'createdAt', 'updatedAt', 'status']);
const marker = (path: string) => (SHOWN.has(path) ? `SHOWN<${path}>` : `INTERNAL<${path}>`);

/** Every string leaf set to its marker; every list given one item. */
function fillAll(value: unknown, path: string): unknown {
  if (typeof value === 'string') return SKIP.has(path) || path.startsWith('identity') || path.endsWith('.id') ? value : marker(path);
  if (Array.isArray(value)) {
    const schema = LIST_ITEM_SCHEMAS[path as keyof typeof LIST_ITEM_SCHEMAS];
    return schema ? [fillAll(schema.parse({ id: `${path}-1` }), path)] : value;
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillAll(v, path ? `${path}.${k}` : k)]));
  return value;
}

function markedPacket(): Packet {
  const blank = newPacket({ crm: 'salesforce', tenant: 'acme.my.salesforce.com', recordId: '006X' }, { dealName: '', accountName: '', amount: 987654321, currency: 'USD', stage: '', closeDate: '2026-11-30', owner: '', probability: null }, 'https://acme.my.salesforce.com/006X', new Date('2026-11-20T00:00:00Z'));
  const p = fillAll(blank, '') as Packet;
  p.stakeholders[0]!.role = 'decision_maker'; // enum fields got markers too: the ones the drafts read are set back
  p.openItems[0]!.kind = 'item';
  p.contract.amount = 987654321;
  p.contract.termMonths = 24;
  p.contract.purchases[0]!.quantity = 40;
  p.openItems.push({ id: 'bug-1', kind: 'bug', text: 'INTERNAL<openItems.bug>', owner: 'INTERNAL<openItems.bug.owner>', due: '' });
  p.review.returnedReasons = [{ item: 'risks', reason: 'INTERNAL<review.returnedReasons>' }];
  p.dealOverrides = { dealName: 'INTERNAL<dealOverrides.dealName>', stage: 'INTERNAL<dealOverrides.stage>' };
  return p;
}

const LANGS: IntroLanguage[] = ['en', 'zh-CN', 'zh-TW'];

describe('customer drafts carry no internal section', () => {
  const p = markedPacket();
  it('the packet really has every internal section filled (the test can fail)', () => {
    const all = JSON.stringify(p);
    for (const internal of ['whyWon.decisivePoints', 'salesNotes', 'risks.items.text', 'risks.items.mitigation', 'risks.noRiskReason', 'assessment.summary', 'followUps.summary', 'stakeholders.personality', 'stakeholders.wants', 'stakeholders.phone', 'stakeholders.email', 'profile.tier', 'contract.outOfScope', 'featureAsks', 'delivered', 'serviceGroup.members', 'expansion.opportunities.summary', 'deal.dealName'])
      expect(all).toContain(`INTERNAL<${internal}>`);
  });

  it.each(LANGS)('intro email in %s: the customer-facing facts, nothing internal', (lang) => {
    const { subject, body } = draftIntroEmail(p, { csmName: 'Chen Jing' }, lang);
    const text = `${subject}\n${body}`;
    expect(text.match(/INTERNAL<[^>]*>/g)).toBeNull();
    expect(text).not.toContain('987654321'); // the contract amount
    for (const shown of ['deal.accountName', 'deal.owner', 'stakeholders.name', 'contract.purchases.product', 'whyWon.problemsToSolve', 'goals.goal', 'goals.target', 'goals.due']) expect(text).toContain(`SHOWN<${shown}>`);
  });

  it.each(LANGS)('kickoff agenda in %s (and its Markdown): the customer-facing facts, nothing internal', (lang) => {
    const md = agendaMarkdown(kickoffAgenda(p, 'Chen Jing', lang));
    expect(md.match(/INTERNAL<[^>]*>/g)).toBeNull();
    expect(md).not.toContain('987654321');
    for (const shown of SHOWN) expect(md).toContain(`SHOWN<${shown}>`);
  });

  it('without an account name the subject and title name no one rather than the CRM deal name', () => {
    const q = markedPacket();
    q.deal.accountName = null;
    expect(draftIntroEmail(q, { csmName: 'Jo' }, 'en').subject).toBe('Welcome to your onboarding');
    expect(kickoffAgenda(q, 'Jo', 'zh-CN').title).toBe('启动会');
  });
});
