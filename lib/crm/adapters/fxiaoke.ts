// 纷享销客 Fxiaoke (ShareCRM): a hash-routed app; the opportunity (商机) lives in
// the fragment #crm/detail/=/NewOpportunityObj/<24-hex id>. Labels are Chinese.
import { defineBuiltinAdapter } from '../builtin-adapter';
import data from './fxiaoke.json';

const item = (api: string) => ({ css: `.f-g-item[data-apiname="${api}"] .f-g-item-value` });

export const fxiaoke = defineBuiltinAdapter({
  fields: {
    dealName: [item('name'), { css: '.crm-d-title' }],
    accountName: [item('account_id')],
    amount: [item('amount')],
    stage: [item('sales_stage'), { css: '.crm-stage li.cur' }],
    closeDate: [item('close_date')],
    owner: [item('owner')],
  },
  data,
  // Fxiaoke's default 商机 sales stages (Simplified and Traditional Chinese).
  stages: {
    'zh-CN': { 初步接洽: 10, 验证客户: 20, 需求确定: 40, 方案报价: 70, 谈判审核: 80, 商务谈判: 80, 赢单: 100, 输单: 0 },
    'zh-TW': { 驗證客戶: 20, 需求確定: 40, 方案報價: 70, 談判審核: 80, 商務談判: 80, 贏單: 100, 輸單: 0 },
  },
});
