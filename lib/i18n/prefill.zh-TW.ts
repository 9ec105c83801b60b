// 從 CRM 頁面預填（issue 19）的介面文字，繁體中文。
import type { prefillEn } from './prefill.en';

export const prefillZhTW: Record<keyof typeof prefillEn, string> = {
  'prefill.from': '來自 CRM · {crm} · {what}',
  'prefill.readAt': '讀取於 {at}',
  'prefill.what.contacts': '聯絡人角色',
  'prefill.what.activities': '活動紀錄',
  'prefill.what.lineItems': '產品明細',
  'prefill.what.industry': '客戶產業',
  'prefill.what.companySize': '客戶規模',
  'prefill.what.deal': '商機金額',
  'prefill.confirm': '確認',
  'prefill.confirmed': '已確認',
  'prefill.remove': '移除',
  'prefill.heading': '來自 CRM 頁面',
  'prefill.pending': '{count} 項來自 CRM 的內容待你確認，確認後才計入完整度。',
  'prefill.confirmAll': '全部確認（{count}）',
  'prefill.offer': 'CRM 中有 {count} 項新內容',
  'prefill.add': '新增',
  'prefill.dismiss': '忽略',
  'prefill.addAll': '全部新增',
  'prefill.dismissAll': '全部忽略',
  toConfirmShort: '待確認',
  toConfirmRequired: '待確認（來自 CRM）：',
};
