// HubSpot deals: object type 0-3 in the record path, portal id as the tenant.
// Regional hosts (app-eu1, app-na2, …) share the layout.
import { defineBuiltinAdapter } from '../builtin-adapter';
import data from './hubspot.json';

const prop = (name: string) => ({ css: `[data-selenium-test="property-input-${name}"] [data-selenium-test="property-value"]` });
// Newer layouts use data-test-id, and editable properties show an input.
const propAlt = (name: string) => ({ css: `[data-test-id="property-input-${name}"] [data-test-id="property-value"], [data-selenium-test="property-input-${name}"] input` });

export const hubspot = defineBuiltinAdapter({
  fields: {
    dealName: [{ css: '[data-selenium-test="highlightTitle"]' }, prop('dealname'), propAlt('dealname')],
    accountName: [
      { css: '[data-selenium-test="association-card-company"] [data-selenium-test="association-card-title"]' },
      { css: '[data-selenium-test="association-card-company"] a' },
    ],
    amount: [prop('amount'), propAlt('amount'), { css: '[data-selenium-test="highlight-amount"]' }],
    currency: [prop('deal_currency_code'), propAlt('deal_currency_code')],
    stage: [prop('dealstage'), propAlt('dealstage')],
    closeDate: [prop('closedate'), propAlt('closedate')],
    owner: [prop('hubspot_owner_id'), propAlt('hubspot_owner_id')],
    probability: [prop('hs_deal_stage_probability'), propAlt('hs_deal_stage_probability')],
  },
  data,
  // The default Sales Pipeline.
  stages: {
    en: {
      'Appointment scheduled': 20,
      'Qualified to buy': 30,
      'Presentation scheduled': 40,
      'Decision maker bought-in': 60,
      'Contract sent': 80,
      'Closed won': 100,
      'Closed lost': 0,
    },
  },
});
