// 从 CRM 页面预填（issue 19）的界面文字，简体中文。
import type { prefillEn } from './prefill.en';

export const prefillZhCN: Record<keyof typeof prefillEn, string> = {
  'prefill.from': '来自 CRM · {crm} · {what}',
  'prefill.readAt': '读取于 {at}',
  'prefill.what.contacts': '联系人角色',
  'prefill.what.activities': '活动记录',
  'prefill.what.lineItems': '产品明细',
  'prefill.what.industry': '客户行业',
  'prefill.what.companySize': '客户规模',
  'prefill.what.deal': '商机金额',
  'prefill.confirm': '确认',
  'prefill.confirmed': '已确认',
  'prefill.remove': '移除',
  'prefill.heading': '来自 CRM 页面',
  'prefill.pending': '{count} 项来自 CRM 的内容待你确认，确认后才计入完整度。',
  'prefill.confirmAll': '全部确认（{count}）',
  'prefill.offer': 'CRM 中有 {count} 项新内容',
  'prefill.add': '添加',
  'prefill.dismiss': '忽略',
  'prefill.addAll': '全部添加',
  'prefill.dismissAll': '全部忽略',
  toConfirmShort: '待确认',
  toConfirmRequired: '待确认（来自 CRM）：',
};
