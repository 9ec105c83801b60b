// Labels of the packet editor in the three UI languages. One entry per key,
// [zh-CN, zh-TW, en], so a missing translation is visible at a glance and a
// test checks none is empty.
import type { Locale } from '@/lib/i18n/locale';

type Tri = readonly [zhCN: string, zhTW: string, en: string];
const pick = (t: Tri | undefined, locale: Locale, fallback: string) =>
  t ? (locale === 'zh-CN' ? t[0] : locale === 'zh-TW' ? t[1] : t[2]) : fallback;

export const SECTION_LABELS: Record<string, Tri> = {
  stakeholders: ['关键联系人', '關鍵聯絡人', 'Stakeholders'],
  profile: ['客户画像', '客戶輪廓', 'Customer profile'],
  contract: ['合同', '合約', 'Contract'],
  whyWon: ['赢单原因', '贏單原因', 'Why we won'],
  goals: ['期望与成功指标', '期望與成功指標', 'Expectations and success metrics'],
  doneAndOpen: ['已完成与待办', '已完成與待辦', 'Done and still open'],
  risks: ['风险', '風險', 'Risks'],
  followUps: ['跟进记录', '跟進紀錄', 'Follow-up log'],
  assessment: ['整体评估', '整體評估', 'Overall assessment'],
  introductions: ['客户引荐', '客戶引薦', 'Introductions'],
  serviceGroup: ['服务群', '服務群組', 'Service group'],
  salesNotes: ['销售备注', '業務備註', 'Sales notes'],
};

export const FIELD_LABELS: Record<string, Tri> = {
  'stakeholders.name': ['姓名', '姓名', 'Name'],
  'stakeholders.title': ['职位', '職稱', 'Title'],
  'stakeholders.phone': ['电话', '電話', 'Phone'],
  'stakeholders.email': ['邮箱', '電子郵件', 'Email'],
  'stakeholders.im': ['微信/企业微信/钉钉等', 'LINE/微信等通訊帳號', 'IM (WeChat, WeCom, DingTalk…)'],
  'stakeholders.role': ['在项目中的角色', '在專案中的角色', 'Role in the deal'],
  'stakeholders.personality': ['性格特点', '性格特點', 'Personality'],
  'stakeholders.wants': ['个人诉求', '個人訴求', 'What they personally want'],
  'profile.industry': ['行业', '產業', 'Industry'],
  'profile.size': ['规模（人数/营收）', '規模（人數/營收）', 'Size (staff / revenue)'],
  'profile.tier': ['客户等级', '客戶等級', 'Customer tier'],
  'profile.businessModel': ['商业模式', '商業模式', 'Business model'],
  'profile.orgStructure': ['组织架构', '組織架構', 'Org structure'],
  'profile.environment': ['软硬件环境', '軟硬體環境', 'Software / hardware environment'],
  'contract.amount': ['合同金额', '合約金額', 'Contract amount'],
  'contract.currency': ['币种（如 CNY）', '幣別（如 TWD）', 'Currency (e.g. USD)'],
  'contract.termMonths': ['合同期限（月）', '合約期限（月）', 'Term (months)'],
  'contract.startDate': ['开始日期', '開始日期', 'Start date'],
  'contract.purchases': ['采购清单', '採購清單', 'Purchase list'],
  'contract.purchases.product': ['产品', '產品', 'Product'],
  'contract.purchases.quantity': ['数量', '數量', 'Quantity'],
  'contract.outOfScope': ['标准范围外或第三方交付的服务', '標準範圍外或第三方交付的服務', 'Services outside standard scope or by a third party'],
  'contract.paymentStatus': ['回款状态', '付款狀態', 'Payment status'],
  'whyWon.decisivePoints': ['决定性因素', '決定性因素', 'Decisive points'],
  'whyWon.problemsToSolve': ['客户要解决的问题', '客戶要解決的問題', 'Problems the customer bought us to solve'],
  goals: ['目标', '目標', 'Goals'],
  'goals.goal': ['目标', '目標', 'Goal'],
  'goals.target': ['可衡量的指标', '可衡量的指標', 'Measurable target'],
  'goals.due': ['期限', '期限', 'By'],
  featureAsks: ['功能需求', '功能需求', 'Feature asks'],
  delivered: ['销售已交付或承诺的内容', '業務已交付或承諾的內容', 'Already delivered or promised by sales'],
  openItems: ['待办事项与已知问题', '待辦事項與已知問題', 'Open items and known bugs'],
  'openItems.text': ['事项', '事項', 'Item'],
  'openItems.kind': ['类型', '類型', 'Kind'],
  'openItems.owner': ['负责人', '負責人', 'Owner'],
  'openItems.due': ['截止日期', '截止日期', 'Due'],
  milestones: ['近期里程碑', '近期里程碑', 'Near-term milestones'],
  'milestones.text': ['里程碑', '里程碑', 'Milestone'],
  'milestones.date': ['日期', '日期', 'Date'],
  'risks.items': ['风险', '風險', 'Risks'],
  'risks.items.text': ['风险描述', '風險描述', 'Risk'],
  'risks.items.severity': ['严重程度', '嚴重程度', 'Severity'],
  'risks.items.mitigation': ['应对措施', '因應措施', 'Mitigation'],
  'risks.noKnownRisk': ['目前没有已知风险', '目前沒有已知風險', 'No known risk'],
  'risks.noRiskReason': ['没有风险的理由', '沒有風險的理由', 'Why there is no known risk'],
  followUps: ['跟进记录', '跟進紀錄', 'Follow-ups'],
  'followUps.date': ['日期', '日期', 'Date'],
  'followUps.kind': ['方式', '方式', 'Kind'],
  'followUps.who': ['参与人', '參與人', 'Who'],
  'followUps.summary': ['纪要', '紀要', 'Summary'],
  'assessment.health': ['健康度', '健康度', 'Health'],
  'assessment.summary': ['总结', '總結', 'Summary'],
  introductions: ['引荐记录', '引薦紀錄', 'Introductions'],
  'introductions.how': ['方式', '方式', 'How'],
  'introductions.date': ['日期', '日期', 'When'],
  'introductions.attendees': ['参与人（客户方与 CS 方）', '參與人（客戶方與 CS 方）', 'Who attended (customer and CS)'],
  'serviceGroup.platform': ['平台', '平台', 'Platform'],
  'serviceGroup.nameOrLink': ['群名称或链接', '群組名稱或連結', 'Group name or link'],
  'serviceGroup.members': ['群成员', '群組成員', 'Members'],
  'serviceGroup.ownerPassedToCs': ['群主已由销售转给客户成功', '群組管理員已由業務轉給客戶成功', 'Group owner passed from sales to CS'],
  salesNotes: ['备注', '備註', 'Notes'],
  stakeholders: ['关键联系人', '關鍵聯絡人', 'Stakeholders'],
  'deal.dealName': ['商机名称', '商機名稱', 'Deal name'],
  'deal.accountName': ['客户名称', '客戶名稱', 'Account name'],
};

export const ENUM_LABELS: Record<string, Tri> = {
  decision_maker: ['决策者', '決策者', 'Decision maker'],
  champion: ['内部支持者', '內部支持者', 'Champion'],
  user: ['使用者', '使用者', 'User'],
  blocker: ['反对者', '反對者', 'Blocker'],
  finance: ['财务', '財務', 'Finance'],
  it: ['IT', 'IT', 'IT'],
  other: ['其他', '其他', 'Other'],
  unknown: ['未知', '未知', 'Unknown'],
  unpaid: ['未付款', '未付款', 'Unpaid'],
  partial: ['部分付款', '部分付款', 'Partly paid'],
  paid: ['已付款', '已付款', 'Paid'],
  low: ['低', '低', 'Low'],
  medium: ['中', '中', 'Medium'],
  high: ['高', '高', 'High'],
  visit: ['拜访', '拜訪', 'Visit'],
  call: ['电话', '電話', 'Call'],
  demo: ['演示', '展示', 'Demo'],
  green: ['绿（健康）', '綠（健康）', 'Green'],
  yellow: ['黄（关注）', '黃（關注）', 'Yellow'],
  red: ['红（危险）', '紅（危險）', 'Red'],
  in_person: ['当面', '當面', 'In person'],
  im_group: ['IM 群', 'IM 群組', 'IM group'],
  email: ['邮件', '電子郵件', 'Email'],
  wechat: ['微信', '微信', 'WeChat'],
  wecom: ['企业微信', '企業微信', 'WeCom'],
  dingtalk: ['钉钉', '釘釘', 'DingTalk'],
  feishu: ['飞书', '飛書', 'Feishu / Lark'],
  slack: ['Slack', 'Slack', 'Slack'],
  teams: ['Teams', 'Teams', 'Teams'],
  item: ['待办', '待辦', 'Open item'],
  bug: ['已知问题', '已知問題', 'Known bug'],
};

export const RULE_LABELS: Record<string, Tri> = {
  dealSnapshot: ['商机名称与客户已识别', '商機名稱與客戶已識別', 'Deal and account identified'],
  profile: ['客户画像：行业、规模、等级', '客戶輪廓：產業、規模、等級', 'Customer profile: industry, size, tier'],
  contract: ['合同：金额、币种、期限、开始日期、采购清单', '合約：金額、幣別、期限、開始日期、採購清單', 'Contract: amount, currency, term, start date, purchase list'],
  whyWon: ['赢单原因与客户要解决的问题', '贏單原因與客戶要解決的問題', 'Why we won and the problems to solve'],
  risks: ['至少一项风险（含严重程度与应对措施），或说明没有已知风险的理由', '至少一項風險（含嚴重程度與因應措施），或說明沒有已知風險的理由', 'At least one risk with severity and mitigation, or "no known risk" with a reason'],
  stakeholderWithContact: ['至少一位有联系方式的关键联系人', '至少一位有聯絡方式的關鍵聯絡人', 'At least one stakeholder with contact details'],
  goals: ['至少一个可衡量的目标', '至少一個可衡量的目標', 'At least one measurable goal'],
  doneAndOpen: ['已交付内容或待办事项', '已交付內容或待辦事項', 'What was delivered, or open items'],
  followUps: ['至少一条跟进记录', '至少一筆跟進紀錄', 'At least one follow-up'],
  assessment: ['整体健康度与总结', '整體健康度與總結', 'Overall health and summary'],
  introductions: ['客户与 CS 团队已互相引荐', '客戶與 CS 團隊已互相引薦', 'Customer introduced to the CS team'],
  serviceGroup: ['客户服务群', '客戶服務群組', 'Customer service group'],
};

export const DETAIL_LABELS: Record<string, Tri> = {
  'risk.none': ['尚未填写任何风险', '尚未填寫任何風險', 'No risk entered yet'],
  'risk.noReason': ['已勾选"没有已知风险"，但缺少理由', '已勾選「沒有已知風險」，但缺少理由', '"No known risk" needs a reason'],
  'risk.missing.text': ['风险缺少描述', '風險缺少描述', 'The risk needs a description'],
  'risk.missing.severity': ['风险缺少严重程度', '風險缺少嚴重程度', 'The risk needs a severity'],
  'risk.missing.mitigation': ['风险缺少应对措施', '風險缺少因應措施', 'The risk needs a mitigation'],
};

export const sectionLabel = (id: string, locale: Locale) => pick(SECTION_LABELS[id], locale, id);
export const fieldLabel = (path: string, locale: Locale) => pick(FIELD_LABELS[path], locale, path);
export const enumLabel = (value: string, locale: Locale) => pick(ENUM_LABELS[value], locale, value);
export const ruleLabel = (id: string, locale: Locale) => pick(RULE_LABELS[id], locale, id);

/** "risk.missing.severity+mitigation" → each missing part, joined. */
export function detailLabel(detail: string, locale: Locale): string {
  const m = /^risk\.missing\.(.+)$/.exec(detail);
  if (m?.[1]) return m[1].split('+').map((p) => pick(DETAIL_LABELS[`risk.missing.${p}`], locale, p)).join(locale === 'en' ? '; ' : '；');
  return pick(DETAIL_LABELS[detail], locale, detail);
}
