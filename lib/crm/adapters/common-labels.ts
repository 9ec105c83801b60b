// Generic label texts and stage names that are not one CRM's own (or are
// shared by several): what deal fields are commonly called in English and
// Chinese CRM UIs, and common stage words. Every built-in adapter's label
// locator ends with these, so a CRM page whose labels were renamed to a
// common word is still read.
import type { DealField } from '../types';

export const GENERIC_LABELS: Partial<Record<DealField, string[]>> = {
  dealName: ['Deal name', 'Deal Name', 'Opportunity Name', 'Opportunity name', 'Topic', '商机名称', '商機名稱', '机会名称', '機會名稱', '交易名称', '交易名稱', '业务机会名称', '業務機會名稱'],
  accountName: ['Account Name', 'Account name', 'Account', 'Company', 'Company name', 'Organization', 'Organisation', '客户名称', '客戶名稱', '公司名称', '公司名稱', '组织', '組織', '客户名', '客戶名', '帳戶名稱', '账户名称'],
  amount: ['Amount', 'Deal amount', 'Deal value', 'Opportunity Amount', 'Est. revenue', 'Estimated revenue', '金额', '金額', '商机金额', '商機金額', '交易金额', '交易金額', '合同金额', '合約金額', '预计金额', '預計金額'],
  currency: ['Currency', 'Deal currency', '币种', '幣別', '币别', '貨幣', '货币'],
  stage: ['Stage', 'Deal stage', 'Sales stage', 'Pipeline stage', '阶段', '階段', '销售阶段', '銷售階段', '商机阶段', '商機階段', '交易阶段', '交易階段'],
  closeDate: ['Close Date', 'Close date', 'Closing Date', 'Closing date', 'Expected close date', 'Est. close date', 'Estimated close date', '预计成交日期', '預計成交日期', '结单日期', '結單日期', '预计结单日期', '預計結單日期', '成交日期', '关闭日期', '關閉日期', '預計結案日期', '结束日期', '結束日期'],
  owner: ['Owner', 'Deal owner', 'Deal Owner', 'Opportunity Owner', 'Opportunity owner', 'Owner name', '负责人', '負責人', '所有人', '拥有者', '擁有者', '销售负责人', '銷售負責人', '商机所有人', '商機所有人', '业务机会所有人', '業務機會擁有者', '商機擁有者', '交易所有者', '交易擁有者'],
};

/** Common stage words (any CRM, any pipeline) → % through the sales process. */
export const GENERIC_STAGES: Record<string, number> = {
  qualified: 20,
  proposal: 70,
  negotiation: 80,
  'closed-won': 100,
  won: 100,
  lost: 0,
  成交: 100,
};

/**
 * Salesforce's default Sales Process after Prospecting, which Zoho CRM ships
 * as its default deal stages too (same English names) → % through the sales
 * process as Baton counts it, not either CRM's forecast probability.
 */
export const CLASSIC_PIPELINE_STAGES: Record<string, number> = {
  Qualification: 20,
  'Needs Analysis': 30,
  'Value Proposition': 40,
  'Id. Decision Makers': 50,
  'Perception Analysis': 55,
  'Proposal/Price Quote': 70,
  'Negotiation/Review': 80,
  'Closed Won': 100,
  'Closed Lost': 0,
};
