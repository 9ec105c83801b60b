// The kickoff agenda drafted from the packet (lib/engagement/README.md,
// "After acceptance"): introductions and roles, what was bought and why, KPIs,
// onboarding steps, proposed timeline — as sections the kickoff page renders
// (and prints), or as Markdown to paste anywhere. Drafted only from the
// packet's customer-facing view (customer-facing.ts): the agenda is shared with
// the customer, so no internal section reaches it.
import type { Packet } from '@/lib/packet/schema';
import { customerFacing } from './customer-facing';
import type { IntroLanguage } from './intro-email';

export interface AgendaSection {
  title: string;
  items: string[];
}

const T = {
  en: {
    title: (c: string) => (c ? `Kickoff: ${c}` : 'Kickoff'),
    intro: 'Introductions and roles',
    us: (csm: string, rep: string) => [`${csm} — customer success manager (your first contact from now on)`, ...(rep ? [`${rep} — account executive`] : [])],
    bought: 'What was bought and why',
    term: (m: number | null, start: string) => [m ? `${m}-month term` : '', start ? `starting ${start}` : ''].filter(Boolean).join(', '),
    kpis: 'Goals and KPIs',
    none: 'To agree in this meeting',
    steps: 'Onboarding steps',
    defaultSteps: ['Accounts, access and single sign-on', 'Data import and integrations', 'Training for administrators and users', 'Go-live and first review'],
    timeline: 'Proposed timeline',
    open: 'Open items',
    start: 'contract starts',
    colon: ': ',
    comma: ', ',
  },
  'zh-CN': {
    title: (c: string) => (c ? `启动会：${c}` : '启动会'),
    intro: '人员介绍与分工',
    us: (csm: string, rep: string) => [`${csm} —— 客户成功经理（此后的第一联系人）`, ...(rep ? [`${rep} —— 销售负责人`] : [])],
    bought: '采购内容与原因',
    term: (m: number | null, start: string) => [m ? `合同期 ${m} 个月` : '', start ? `${start} 起` : ''].filter(Boolean).join('，'),
    kpis: '目标与考核指标',
    none: '本次会议确定',
    steps: '上线步骤',
    defaultSteps: ['开通账号、权限与单点登录', '数据导入与系统集成', '管理员与用户培训', '正式上线与首次回顾'],
    timeline: '建议时间表',
    open: '待办事项',
    start: '合同开始',
    colon: '：',
    comma: '，',
  },
  'zh-TW': {
    title: (c: string) => (c ? `啟動會議：${c}` : '啟動會議'),
    intro: '人員介紹與分工',
    us: (csm: string, rep: string) => [`${csm} —— 客戶成功經理（此後的第一聯絡人）`, ...(rep ? [`${rep} —— 業務負責人`] : [])],
    bought: '採購內容與原因',
    term: (m: number | null, start: string) => [m ? `合約期 ${m} 個月` : '', start ? `${start} 起` : ''].filter(Boolean).join('，'),
    kpis: '目標與考核指標',
    none: '本次會議確定',
    steps: '導入步驟',
    defaultSteps: ['開通帳號、權限與單一登入', '資料匯入與系統整合', '管理者與使用者訓練', '正式上線與首次檢視'],
    timeline: '建議時程',
    open: '待辦事項',
    start: '合約開始',
    colon: '：',
    comma: '，',
  },
} as const;

export function kickoffAgenda(p: Packet, csmName: string, lang: IntroLanguage): { title: string; sections: AgendaSection[] } {
  const t = T[lang];
  const c = customerFacing(p);
  const people = c.people.map((s) => [s.name, s.title].filter(Boolean).join(t.comma));
  const bought = [
    ...c.purchases.map((x) => (x.quantity ? `${x.product} × ${x.quantity}` : x.product)),
    t.term(c.termMonths, c.startDate),
    c.problemsToSolve,
  ].filter(Boolean);
  const kpis = c.goals.map((g) => [g.goal, g.target, g.due].filter(Boolean).join(' — '));
  const open = c.openItems.map((o) => [o.text, o.owner, o.due].filter(Boolean).join(' — '));
  const timeline = [...(c.startDate ? [`${c.startDate}${t.colon}${t.start}`] : []), ...c.milestones.map((m) => (m.date ? `${m.date}${t.colon}${m.text}` : m.text))];
  return {
    title: t.title(c.customer),
    sections: [
      { title: t.intro, items: [...t.us(csmName, c.rep), ...people] },
      { title: t.bought, items: bought.length ? bought : [t.none] },
      { title: t.kpis, items: kpis.length ? kpis : [t.none] },
      { title: t.steps, items: [...t.defaultSteps, ...open.map((o) => `${t.open}${t.colon}${o}`)] },
      { title: t.timeline, items: timeline.length ? timeline : [t.none] },
    ],
  };
}

export function agendaMarkdown(a: { title: string; sections: AgendaSection[] }): string {
  return [`# ${a.title}`, ...a.sections.flatMap((s, i) => ['', `## ${i + 1}. ${s.title}`, '', ...s.items.map((x) => `- ${x}`)])].join('\n') + '\n';
}
