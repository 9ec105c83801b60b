// Dynamics 365 Sales (Unified Interface): one path, /main.aspx, with the entity
// and record id in the query string. Amount and date are input values; lookups
// (account, owner) are "selected tag" links.
import { defineAdapter } from '../adapter-schema';
import { label } from './common-labels';

const tag = (field: string, prefix = '') => ({
  css: `[data-id="${prefix}${field}.fieldControl-LookupResultsDropdown_${field}_selected_tag_text"]`,
});

export const dynamics = defineAdapter({
  id: 'dynamics',
  name: 'Dynamics 365',
  hosts: ['*.dynamics.com', '*.dynamics.cn', '*.crm.microsoftdynamics.de'],
  url: {
    part: 'path',
    pattern: '^/main\\.aspx$',
    query: { pagetype: 'entityrecord', etn: 'opportunity' },
    recordIdParam: 'id',
  },
  fields: {
    dealName: [{ css: '[data-id="header_title"]', attr: 'title' }, { css: '[data-id="header_title"]' }, { css: 'input[data-id="name.fieldControl-text-box-text"]' }],
    accountName: [tag('parentaccountid'), tag('parentaccountid', 'header_'), label('accountName')],
    amount: [
      { css: 'input[data-id="estimatedvalue.fieldControl-currency-text-input"]' },
      { css: '[data-id="header_estimatedvalue.fieldControl-currency-text-display"]' },
      label('amount'),
    ],
    currency: [tag('transactioncurrencyid')],
    stage: [
      { css: '[data-id*="ProcessBreadCrumb-processHeaderStage"][aria-selected="true"] [data-id*="stageName"]', attr: 'title' },
      { css: '[data-id*="ProcessBreadCrumb-processHeaderStage"][aria-current="step"] [data-id*="stageName"]' },
      label('stage'),
    ],
    closeDate: [
      { css: 'input[data-id="estimatedclosedate.fieldControl-date-time-input"]' },
      { css: '[data-id="header_estimatedclosedate.fieldControl-date-time-input-display"]' },
      label('closeDate'),
    ],
    owner: [tag('ownerid', 'header_'), tag('ownerid'), label('owner')],
  },
  dateOrder: 'MDY',
  readyWhen: ['dealName'],
  waitMs: 15_000,
});

// Try it on:
// https://contoso.crm.dynamics.com/main.aspx?appid=…&pagetype=entityrecord&etn=opportunity&id=8f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b
// Not a deal: etn=account, pagetype=entitylist
