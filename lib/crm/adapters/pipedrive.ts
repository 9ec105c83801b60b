// Pipedrive deals: <company>.pipedrive.com/deal/<id>, a single-page app that
// pushes /deal/<next id> without reloading. Values in German-style EUR
// ("€12.500,00") and dd.mm.yyyy dates are common.
import { defineAdapter } from '../adapter-schema';
import { label } from './common-labels';

export const pipedrive = defineAdapter({
  id: 'pipedrive',
  name: 'Pipedrive',
  hosts: ['*.pipedrive.com'],
  url: { part: 'path', pattern: '^/deal/(?<recordId>\\d+)(?:/|$)' },
  fields: {
    dealName: [{ css: '[data-test="deal-title"]' }, { css: '.detailView__title' }, label('dealName')],
    accountName: [
      { css: '[data-test="deal-field-org"] .field__value' },
      { css: '[data-test="deal-detail"] a[href*="/organization/"]' },
      label('accountName'),
    ],
    amount: [{ css: '[data-test="deal-value"]' }, { css: '[data-test="deal-field-value"] .field__value' }, label('amount')],
    stage: [
      { css: '.stageSelector__stage.is-current .stageSelector__name' },
      { css: '[data-test="pipeline-stage"][aria-current="step"]', attr: 'title' },
      label('stage'),
    ],
    closeDate: [{ css: '[data-test="deal-field-expected_close_date"] .field__value' }, label('closeDate')],
    owner: [{ css: '[data-test="deal-owner-name"]' }, label('owner')],
  },
  dateOrder: 'DMY',
  defaultCurrency: 'USD',
  readyWhen: ['dealName'],
});

// Try it on:
// https://acme-sales.pipedrive.com/deal/4821 (then "Next deal" → /deal/4822 without reload)
// Not a deal: /pipeline, /settings/personal, /person/5521
