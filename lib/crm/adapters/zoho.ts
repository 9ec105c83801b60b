// Zoho CRM deals: /crm/<org id>/tab/Potentials/<id> (older module name) or
// /tab/Deals/<id>, on every regional data centre. The org id is the tenant.
import { defineBuiltinAdapter } from '../builtin-adapter';
import { CLASSIC_PIPELINE_STAGES } from './common-labels';
import data from './zoho.json';

const value = (api: string) => ({ css: `#value_${api}, [data-value-for="${api}"]` });

export const zoho = defineBuiltinAdapter({
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
  // Currency is shown only with multi-currency and its label was not confirmed: read by its id only.
  data,
  // Zoho's default deal stages.
  stages: {
    en: CLASSIC_PIPELINE_STAGES,
    // Zoho community (es), "Personaliza las fases de Tratos": the default stages in Spanish.
    es: { 'Propuesta de valor': 40, 'Cotización de propuesta/precio': 70, 'Negociación/Revisión': 80 },
  },
});
