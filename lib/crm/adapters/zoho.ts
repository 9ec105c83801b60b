// Zoho CRM deals: /crm/<org id>/tab/Potentials/<id> (older module name) or
// /tab/Deals/<id>, on every regional data centre. The org id is the tenant.
import { defineAdapter } from '../adapter-schema';
import { label } from './common-labels';

const value = (api: string) => ({ css: `#value_${api}, [data-value-for="${api}"]` });

export const zoho = defineAdapter({
  id: 'zoho',
  name: 'Zoho CRM',
  hosts: ['crm.zoho.com', 'crm.zoho.eu', 'crm.zoho.in', 'crm.zoho.com.au', 'crm.zoho.com.cn', 'crm.zoho.jp', 'crm.zoho.ca', 'crm.zoho.sa', 'crm.zoho.uk', 'crm.zohocloud.ca'],
  url: {
    part: 'path',
    pattern: '^/crm/(?:(?<tenant>org\\d+)/)?tab/(?:Potentials|Deals)/(?<recordId>\\d+)(?:/|$)',
    tenantFrom: 'pattern',
  },
  fields: {
    dealName: [value('Deal_Name'), value('Potential_Name'), { css: '#dv_title' }, label('dealName')],
    accountName: [value('Account_Name'), label('accountName')],
    amount: [value('Amount'), label('amount')],
    currency: [value('Currency')],
    stage: [value('Stage'), { css: '#stage_history_bar li.currentStage' }, label('stage')],
    closeDate: [value('Closing_Date'), label('closeDate')],
    owner: [value('Owner'), label('owner')],
  },
  dateOrder: 'DMY',
  readyWhen: ['dealName'],
});

// Try it on:
// https://crm.zoho.com/crm/org60012345/tab/Potentials/4876876000001234567
// https://crm.zoho.eu/crm/org20071234/tab/Deals/1234567000000123456
// Not a deal: /crm/org60012345/tab/Potentials (list), /tab/Accounts/…
