// The intro draft carries the packet's facts, in the customer's language.
import { describe, expect, it } from 'vitest';
import { customerLanguage, draftIntroEmail } from '@/lib/engagement/intro-email';
import { emptySnapshot } from '@/lib/crm/types';
import { newPacket, type Packet } from '@/lib/packet/schema';

function packet(account: string, person: string): Packet {
  const p = newPacket({ crm: 'hubspot', tenant: '1', recordId: '9' }, { ...emptySnapshot(), accountName: account, owner: 'Wang Fang' }, 'https://app.hubspot.com/contacts/1/record/0-3/9', new Date('2026-11-20T00:00:00Z'));
  p.stakeholders = [
    { id: 'a', name: 'Li Ming', title: 'IT', phone: '', email: '', im: '', role: 'it', personality: '', wants: '' },
    { id: 'b', name: person, title: 'COO', phone: '', email: '', im: '', role: 'decision_maker', personality: '', wants: '' },
  ];
  p.contract.purchases = [{ id: 'x', product: 'Baton Seats', quantity: 40 }, { id: 'y', product: 'Onboarding package', quantity: null }];
  p.whyWon.problemsToSolve = 'Orders re-keyed by hand';
  p.goals = [{ id: 'g', goal: 'Cut data entry time', target: '-30%', due: '2027-06-30' }];
  return p;
}

describe('intro email draft', () => {
  it('in English: the decision maker, what was bought and why, goals, next steps, kickoff, video', () => {
    const { subject, body } = draftIntroEmail(packet('Bluefin Logistics', 'Hannah Okafor'), { csmName: 'Chen Jing', welcomeVideoUrl: 'https://v.example/w', kickoffWhen: 'next Tuesday at 10:00' }, 'en');
    expect(subject).toBe('Welcome to your onboarding, Bluefin Logistics');
    expect(body.startsWith('Dear Hannah Okafor,')).toBe(true);
    for (const fact of ['Chen Jing', 'taking over from Wang Fang', '- Baton Seats × 40', '- Onboarding package', 'Orders re-keyed by hand', 'Cut data entry time — -30% — 2027-06-30', 'next Tuesday at 10:00', 'https://v.example/w'])
      expect(body).toContain(fact);
  });

  it('in Simplified and Traditional Chinese, chosen from the names', () => {
    const cn = packet('华信科技有限公司', '张伟');
    const tw = packet('台灣好食股份有限公司', '陳怡君');
    expect(customerLanguage(cn)).toBe('zh-CN');
    expect(customerLanguage(tw)).toBe('zh-TW');
    expect(customerLanguage(packet('Bluefin Logistics', 'Hannah Okafor'))).toBe('en');
    const a = draftIntroEmail(cn, { csmName: '陈静' }, 'zh-CN');
    expect(a.body).toContain('张伟，您好');
    expect(a.body).toContain('本次采购');
    expect(a.body).toContain('请您提供下周两三个方便的时间');
    const b = draftIntroEmail(tw, { csmName: '陳靜' }, 'zh-TW');
    expect(b.subject).toContain('台灣好食');
    expect(b.body).toContain('本次採購');
    expect(b.body).toContain('啟動會議');
  });

  it('uses the team’s own next steps when it has them', () => {
    const { body } = draftIntroEmail(packet('Acme', 'Sam'), { csmName: 'Jo', nextSteps: ['Workshop with your admins', 'Data migration'] }, 'en');
    expect(body).toContain('What happens next:\n1. Workshop with your admins\n2. Data migration');
    expect(body).not.toContain('A kickoff meeting to agree the plan');
  });

  it('leaves out what the packet does not have', () => {
    const p = packet('Acme', 'Sam');
    p.contract.purchases = [];
    p.goals = [];
    p.whyWon.problemsToSolve = '';
    const { body } = draftIntroEmail(p, { csmName: 'Jo' }, 'en');
    expect(body).not.toContain('What you have purchased');
    expect(body).not.toContain('The goals we will work towards');
    expect(body).not.toContain('What you told us matters most');
  });
});
