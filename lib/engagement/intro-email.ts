// The CSM's first message to the customer, drafted from the packet in the
// customer's language: who the CSM is, what was bought and why, what happens
// next, a kickoff proposal, and an optional welcome video. Plain text, for
// copying or a mailto: link; the CSM edits before sending. Drafted only from
// the packet's customer-facing view (customer-facing.ts): no internal section
// reaches it.
import * as OpenCC from 'opencc-js/t2cn';
import type { Packet } from '@/lib/packet/schema';
import { customerFacing } from './customer-facing';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

export type IntroLanguage = 'zh-CN' | 'zh-TW' | 'en';

export interface IntroInput {
  csmName: string;
  /** the team's "what happens next" steps for this language (else the built-in ones) */
  nextSteps?: string[];
  welcomeVideoUrl?: string;
  /** e.g. "next Tuesday or Wednesday, 10:00" */
  kickoffWhen?: string;
}

const T = {
  en: {
    subject: (c: string) => (c ? `Welcome to your onboarding, ${c}` : 'Welcome to your onboarding'),
    hello: (n: string) => `Dear ${n},`,
    helloAll: 'Hello,',
    me: (csm: string, rep: string) => `I am ${csm}, your customer success manager from today${rep ? `, taking over from ${rep}` : ''}. I will be your first contact through onboarding and after.`,
    bought: 'What you have purchased:',
    why: 'The problems you asked us to solve:',
    goals: 'The goals we will work towards:',
    next: 'What happens next:',
    steps: ['A kickoff meeting to agree the plan, roles and timeline.', 'Onboarding of your team, step by step.', 'Regular check-ins against the goals above.'],
    kickoff: (w: string) => `Could we hold the kickoff ${w}? If another time suits you better, just tell me.`,
    kickoffAny: 'Could you suggest two or three times in the coming week for the kickoff meeting?',
    video: (u: string) => `A short welcome video: ${u}`,
    bye: (csm: string) => `Best regards,\n${csm}`,
  },
  'zh-CN': {
    subject: (c: string) => (c ? `欢迎加入，${c}：您的客户成功经理` : '欢迎加入：您的客户成功经理'),
    hello: (n: string) => `${n}，您好：`,
    helloAll: '您好：',
    me: (csm: string, rep: string) => `我是${csm}，从今天起担任贵司的客户成功经理${rep ? `，接手${rep}的工作` : ''}。上线期间及之后，我都是您的第一联系人。`,
    bought: '本次采购：',
    why: '您希望解决的问题：',
    goals: '我们将共同实现的目标：',
    next: '接下来：',
    steps: ['召开启动会，确认计划、分工与时间表。', '分步骤完成贵司团队的上线培训。', '定期回顾上述目标的进展。'],
    kickoff: (w: string) => `启动会安排在${w}是否方便？如另有合适时间，请告诉我。`,
    kickoffAny: '请您提供下周两三个方便的时间，我们安排启动会。',
    video: (u: string) => `欢迎视频：${u}`,
    bye: (csm: string) => `此致\n${csm}`,
  },
  'zh-TW': {
    subject: (c: string) => (c ? `歡迎加入，${c}：您的客戶成功經理` : '歡迎加入：您的客戶成功經理'),
    hello: (n: string) => `${n}，您好：`,
    helloAll: '您好：',
    me: (csm: string, rep: string) => `我是${csm}，從今天起擔任貴公司的客戶成功經理${rep ? `，接手${rep}的工作` : ''}。導入期間及之後，我都是您的第一聯絡人。`,
    bought: '本次採購：',
    why: '您希望解決的問題：',
    goals: '我們將共同達成的目標：',
    next: '接下來：',
    steps: ['召開啟動會議，確認計畫、分工與時程。', '分階段完成貴公司團隊的導入訓練。', '定期檢視上述目標的進度。'],
    kickoff: (w: string) => `啟動會議安排在${w}是否方便？如有其他合適時間，請告訴我。`,
    kickoffAny: '請您提供下週兩三個方便的時間，我們安排啟動會議。',
    video: (u: string) => `歡迎影片：${u}`,
    bye: (csm: string) => `敬祝 順心\n${csm}`,
  },
} as const;

export function draftIntroEmail(p: Packet, input: IntroInput, lang: IntroLanguage): { subject: string; body: string } {
  const t = T[lang];
  const c = customerFacing(p);
  const main = c.people.find((s) => s.role === 'decision_maker') ?? c.people[0];
  const bullet = (s: string) => `- ${s}`;
  const purchases = c.purchases.map((x) => bullet(x.quantity ? `${x.product} × ${x.quantity}` : x.product));
  const why = c.problemsToSolve ? [bullet(c.problemsToSolve)] : [];
  const goals = c.goals.map((g) => bullet([g.goal, g.target, g.due].filter(Boolean).join(' — ')));
  const blocks = [
    main ? t.hello(main.name) : t.helloAll,
    t.me(input.csmName, c.rep),
    ...(purchases.length ? [[t.bought, ...purchases].join('\n')] : []),
    ...(why.length ? [[t.why, ...why].join('\n')] : []),
    ...(goals.length ? [[t.goals, ...goals].join('\n')] : []),
    [t.next, ...(input.nextSteps?.length ? input.nextSteps : t.steps).map((s, i) => `${i + 1}. ${s}`)].join('\n'),
    input.kickoffWhen ? t.kickoff(input.kickoffWhen) : t.kickoffAny,
    ...(input.welcomeVideoUrl ? [t.video(input.welcomeVideoUrl)] : []),
    t.bye(input.csmName),
  ];
  return { subject: t.subject(c.customer), body: blocks.join('\n\n') };
}

/** The customer's language guessed from the packet: Traditional Chinese if the names change when simplified, Simplified if Chinese, else English. */
export function customerLanguage(p: Packet): IntroLanguage {
  const text = [p.deal.accountName, p.dealOverrides.accountName, ...p.stakeholders.map((s) => s.name)].filter(Boolean).join(' ');
  if (!/[\u4e00-\u9fff]/.test(text)) return 'en';
  return toSimplified(text) !== text ? 'zh-TW' : 'zh-CN';
}
