// 纷享销客 Fxiaoke (ShareCRM): a hash-routed app; the opportunity (商机) lives in
// the fragment #crm/detail/=/NewOpportunityObj/<24-hex id>. Labels are Chinese.
import { defineBuiltinAdapter } from '../builtin-adapter';
import { unverified } from '../ui-languages';

const item = (api: string) => ({ css: `.f-g-item[data-apiname="${api}"] .f-g-item-value` });

export const fxiaoke = defineBuiltinAdapter({
  definition: {
    id: 'fxiaoke',
    name: '纷享销客',
    hosts: ['*.fxiaoke.com'],
    url: { part: 'hash', pattern: '^#crm/detail/=/(?:NewOpportunityObj|OpportunityObj)/(?<recordId>[0-9a-f]{24})(?:[/?]|$)' },
    fields: {
      dealName: [item('name'), { css: '.crm-d-title' }],
      accountName: [item('account_id')],
      amount: [item('amount')],
      stage: [item('sales_stage'), { css: '.crm-stage li.cur' }],
      closeDate: [item('close_date')],
      owner: [item('owner')],
    },
    dateOrder: 'YMD',
    defaultCurrency: 'CNY',
    readyWhen: ['dealName'],
  },
  labels: {
    'zh-CN': {
      labels: { dealName: ['商机名称'], accountName: ['客户名称'], amount: ['商机金额'], stage: ['销售阶段'], closeDate: ['预计成交日期'], owner: ['负责人'] },
      source: 'the Fxiaoke opportunity page as imitated in test/fixtures/crm (README: 商机名称, 客户名称, 商机金额, 销售阶段, 预计成交日期, 负责人)',
    },
    en: unverified('ShareCRM (the English edition) field labels were not found in a public source'),
    'zh-TW': unverified('no Traditional Chinese Fxiaoke label was found in a public source'),
    ja: unverified('no Japanese Fxiaoke UI was found'),
    ko: unverified('no Korean Fxiaoke UI was found'),
    de: unverified('no German Fxiaoke UI was found'),
    fr: unverified('no French Fxiaoke UI was found'),
    es: unverified('no Spanish Fxiaoke UI was found'),
    'pt-BR': unverified('no Brazilian Portuguese Fxiaoke UI was found'),
    it: unverified('no Italian Fxiaoke UI was found'),
    nl: unverified('no Dutch Fxiaoke UI was found'),
  },
  // Fxiaoke's default 商机 sales stages (Simplified and Traditional Chinese).
  stages: {
    'zh-CN': { 初步接洽: 10, 验证客户: 20, 需求确定: 40, 方案报价: 70, 谈判审核: 80, 商务谈判: 80, 赢单: 100, 输单: 0 },
    'zh-TW': { 驗證客戶: 20, 需求確定: 40, 方案報價: 70, 談判審核: 80, 商務談判: 80, 贏單: 100, 輸單: 0 },
  },
  tryOn: {
    deals: [
      { url: 'https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/NewOpportunityObj/6543210fedcba9876543210a', tenant: 'www.fxiaoke.com', recordId: '6543210fedcba9876543210a' },
    ],
    notDeals: [
      'https://www.fxiaoke.com/XV/UI/Home#crm/list/=/NewOpportunityObj',
      'https://www.fxiaoke.com/XV/UI/Home',
      'https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/64f0a1b2c3d4e5f6a7b8c9d0',
    ],
  },
});
