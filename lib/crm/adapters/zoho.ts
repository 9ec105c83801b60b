// Zoho CRM deals: /crm/<org id>/tab/Potentials/<id> (older module name) or
// /tab/Deals/<id>, on every regional data centre. The org id is the tenant.
import { defineBuiltinAdapter } from '../builtin-adapter';
import { unverified } from '../ui-languages';
import { CLASSIC_PIPELINE_STAGES } from './common-labels';

const value = (api: string) => ({ css: `#value_${api}, [data-value-for="${api}"]` });

export const zoho = defineBuiltinAdapter({
  definition: {
    id: 'zoho',
    name: 'Zoho CRM',
    hosts: ['crm.zoho.com', 'crm.zoho.eu', 'crm.zoho.in', 'crm.zoho.com.au', 'crm.zoho.com.cn', 'crm.zoho.jp', 'crm.zoho.ca', 'crm.zoho.sa', 'crm.zoho.uk', 'crm.zohocloud.ca'],
    url: {
      part: 'path',
      pattern: '^/crm/(?:(?<tenant>org\\d+)/)?tab/(?:Potentials|Deals)/(?<recordId>\\d+)(?:/|$)',
      tenantFrom: 'pattern',
    },
    fields: {
      dealName: [value('Deal_Name'), value('Potential_Name'), { css: '#dv_title' }],
      accountName: [value('Account_Name')],
      amount: [value('Amount')],
      currency: [value('Currency')],
      stage: [value('Stage'), { css: '#stage_history_bar li.currentStage' }],
      closeDate: [value('Closing_Date')],
      owner: [value('Owner')],
      probability: [value('Probability')],
    },
    dateOrder: 'DMY',
    readyWhen: ['dealName'],
  },
  // Currency is shown only with multi-currency and its label was not confirmed: read by its id only.
  labels: {
    en: {
      labels: {
        dealName: ['Deal Name', 'Potential Name'],
        accountName: ['Account Name'],
        amount: ['Amount'],
        stage: ['Stage'],
        closeDate: ['Closing Date'],
        owner: ['Deal Owner', 'Potential Owner'],
        probability: ['Probability (%)', 'Probability'],
      },
      source: 'Zoho CRM Help, "Standard Fields in Deals" (current) and "Standard Fields in Opportunities" (Potential …, older accounts)',
    },
    ja: {
      labels: { dealName: ['商談名'], accountName: ['取引先名'], amount: ['総額'], stage: ['ステージ'], closeDate: ['完了予定日'], owner: ['商談の担当者'], probability: ['確度'] },
      source: 'Zoho CRM ヘルプ「商談の標準項目」 (help.zoho.com/portal/ja)',
    },
    'zh-CN': {
      labels: { amount: ['金额'], stage: ['阶段'], closeDate: ['预计成交日期'], owner: ['商机所有者'] },
      source: 'Zoho CRM 帮助 (help.zoho.com.cn) 创建商机: list view columns 商机、商机所有者、金额、预计成交日期、阶段',
      missing: 'dealName, accountName, currency, probability: exact Chinese labels not confirmed',
    },
    es: unverified('Zoho es pages found name the module (Tratos) and stages, not the deal field labels'),
    fr: unverified('the French Zoho help page found lists lead fields; the deal (Transactions) labels were not confirmed'),
    de: unverified('no German Zoho CRM deal field label was found in a public source'),
    'zh-TW': unverified('no Traditional Chinese Zoho CRM deal field label was found in a public source'),
    ko: unverified('no Korean Zoho CRM deal field label was found in a public source'),
    'pt-BR': unverified('no Brazilian Portuguese Zoho CRM deal field label was found in a public source'),
    it: unverified('no Italian Zoho CRM deal field label was found in a public source'),
    nl: unverified('no Dutch Zoho CRM deal field label was found in a public source'),
  },
  // Zoho's default deal stages.
  stages: {
    en: CLASSIC_PIPELINE_STAGES,
    // Zoho community (es), "Personaliza las fases de Tratos": the default stages in Spanish.
    es: { 'Propuesta de valor': 40, 'Cotización de propuesta/precio': 70, 'Negociación/Revisión': 80 },
  },
  tryOn: {
    deals: [
      { url: 'https://crm.zoho.com/crm/org60012345/tab/Potentials/4876876000001234567', tenant: 'org60012345', recordId: '4876876000001234567' },
      { url: 'https://crm.zoho.eu/crm/org20071234/tab/Deals/1234567000000123456', tenant: 'org20071234', recordId: '1234567000000123456' },
      { url: 'https://crm.zoho.com.au/crm/tab/Potentials/42', tenant: 'crm.zoho.com.au', recordId: '42' },
    ],
    notDeals: ['https://crm.zoho.com/crm/org60012345/tab/Potentials', 'https://crm.zoho.com/crm/org60012345/tab/Accounts/4876876000000000001'],
  },
});
