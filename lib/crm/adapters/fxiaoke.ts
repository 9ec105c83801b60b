// 纷享销客 Fxiaoke (ShareCRM): a hash-routed app; the opportunity (商机) lives in
// the fragment #crm/detail/=/NewOpportunityObj/<24-hex id>. Labels are Chinese.
import { defineAdapter } from '../adapter-schema';
import { label } from './common-labels';

const item = (api: string) => ({ css: `.f-g-item[data-apiname="${api}"] .f-g-item-value` });

export const fxiaoke = defineAdapter({
  id: 'fxiaoke',
  name: '纷享销客',
  hosts: ['*.fxiaoke.com'],
  url: { part: 'hash', pattern: '^#crm/detail/=/(?:NewOpportunityObj|OpportunityObj)/(?<recordId>[0-9a-f]{24})(?:[/?]|$)' },
  fields: {
    dealName: [item('name'), { css: '.crm-d-title' }, label('dealName')],
    accountName: [item('account_id'), label('accountName')],
    amount: [item('amount'), label('amount')],
    stage: [item('sales_stage'), { css: '.crm-stage li.cur' }, label('stage')],
    closeDate: [item('close_date'), label('closeDate')],
    owner: [item('owner'), label('owner')],
  },
  dateOrder: 'YMD',
  defaultCurrency: 'CNY',
  readyWhen: ['dealName'],
});

// Try it on:
// https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/NewOpportunityObj/6543210fedcba9876543210a
// Not a deal: #crm/list/=/NewOpportunityObj, #crm/detail/=/AccountObj/…
