import { describe, expect, it } from 'vitest';
import { agendaMarkdown, kickoffAgenda } from '@/lib/engagement/kickoff-agenda';
import { emptySnapshot } from '@/lib/crm/types';
import { newPacket } from '@/lib/packet/schema';

function packet() {
  const p = newPacket({ crm: 'fxiaoke', tenant: 'www.fxiaoke.com', recordId: '1' }, { ...emptySnapshot(), accountName: '杭州云栖数据科技有限公司', owner: '陈晓明' }, 'https://www.fxiaoke.com/#x', new Date('2026-11-20T00:00:00Z'));
  p.stakeholders = [{ id: 's', name: '陈志远', title: 'CIO', phone: '', email: '', im: '', role: 'decision_maker', personality: '', wants: '' }];
  p.contract.purchases = [{ id: 'p', product: '数据中台', quantity: 1 }];
  p.contract.termMonths = 24;
  p.contract.startDate = '2027-01-04';
  p.whyWon.problemsToSolve = '报表口径不统一';
  p.goals = [{ id: 'g', goal: '月报出具时间', target: '从 5 天降到 1 天', due: '2027-06-30' }];
  p.milestones = [{ id: 'm', text: '二期数据仓库对接', date: '2027-03-31' }];
  p.openItems = [{ id: 'o', kind: 'item', text: 'SSO 对接方案', owner: '李雷', due: '2027-01-15' }];
  return p;
}

describe('kickoff agenda', () => {
  it('is drafted from the packet, section by section', () => {
    const a = kickoffAgenda(packet(), '王芳', 'zh-CN');
    expect(a.title).toBe('启动会：杭州云栖数据科技有限公司');
    expect(a.sections.map((s) => s.title)).toEqual(['人员介绍与分工', '采购内容与原因', '目标与考核指标', '上线步骤', '建议时间表']);
    expect(a.sections[0]!.items).toEqual(['王芳 —— 客户成功经理（此后的第一联系人）', '陈晓明 —— 销售负责人', '陈志远，CIO']);
    expect(a.sections[1]!.items).toEqual(['数据中台 × 1', '合同期 24 个月，2027-01-04 起', '报表口径不统一']);
    expect(a.sections[2]!.items).toEqual(['月报出具时间 — 从 5 天降到 1 天 — 2027-06-30']);
    expect(a.sections[3]!.items.at(-1)).toBe('待办事项：SSO 对接方案 — 李雷 — 2027-01-15');
    expect(a.sections[4]!.items).toEqual(['2027-01-04：合同开始', '2027-03-31：二期数据仓库对接']);
  });

  it('says what is still to agree, and exports as Markdown', () => {
    const p = packet();
    p.goals = [];
    const a = kickoffAgenda(p, 'Jo', 'en');
    expect(a.sections[2]).toEqual({ title: 'Goals and KPIs', items: ['To agree in this meeting'] });
    const md = agendaMarkdown(a);
    expect(md.startsWith('# Kickoff: 杭州云栖数据科技有限公司\n\n## 1. Introductions and roles\n\n- Jo — customer success manager')).toBe(true);
    expect(md).toContain('## 5. Proposed timeline\n\n- 2027-01-04: contract starts\n- 2027-03-31: 二期数据仓库对接\n');
  });
});
