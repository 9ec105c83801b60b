// HubSpot deals: object type 0-3 in the record path, portal id as the tenant.
// Regional hosts (app-eu1, app-na2, …) share the layout.
import { defineAdapter } from '../adapter-schema';
import { label } from './common-labels';

const prop = (name: string) => ({ css: `[data-selenium-test="property-input-${name}"] [data-selenium-test="property-value"]` });
// Newer layouts use data-test-id, and editable properties show an input.
const propAlt = (name: string) => ({ css: `[data-test-id="property-input-${name}"] [data-test-id="property-value"], [data-selenium-test="property-input-${name}"] input` });

export const hubspot = defineAdapter({
  id: 'hubspot',
  name: 'HubSpot',
  hosts: ['app.hubspot.com', 'app-*.hubspot.com'],
  url: {
    part: 'path',
    pattern: '^/contacts/(?<tenant>\\d+)/(?:record/0-3|deal)/(?<recordId>\\d+)(?:/|$)',
    tenantFrom: 'pattern',
  },
  fields: {
    dealName: [{ css: '[data-selenium-test="highlightTitle"]' }, prop('dealname'), propAlt('dealname'), label('dealName')],
    accountName: [
      { css: '[data-selenium-test="association-card-company"] [data-selenium-test="association-card-title"]' },
      { css: '[data-selenium-test="association-card-company"] a' },
      label('accountName'),
    ],
    amount: [prop('amount'), propAlt('amount'), { css: '[data-selenium-test="highlight-amount"]' }, label('amount')],
    currency: [prop('deal_currency_code'), propAlt('deal_currency_code')],
    stage: [prop('dealstage'), propAlt('dealstage'), label('stage')],
    closeDate: [prop('closedate'), propAlt('closedate'), label('closeDate')],
    owner: [prop('hubspot_owner_id'), propAlt('hubspot_owner_id'), label('owner')],
  },
  dateOrder: 'MDY',
  readyWhen: ['dealName'],
});

// Try it on:
// https://app.hubspot.com/contacts/21458713/record/0-3/9876543210
// https://app-eu1.hubspot.com/contacts/21458713/record/0-3/9876543210/view/1
// Not a deal: /contacts/21458713/record/0-1/55102 (contact), /record/0-2/… (company)
