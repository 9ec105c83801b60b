// Pipedrive deals: <company>.pipedrive.com/deal/<id>, a single-page app that
// pushes /deal/<next id> without reloading. Values in German-style EUR
// ("€12.500,00") and dd.mm.yyyy dates are common.
import { defineBuiltinAdapter } from '../builtin-adapter';
import data from './pipedrive.json';

export const pipedrive = defineBuiltinAdapter({
  fields: {
    dealName: [{ css: '[data-test="deal-title"]' }, { css: '.detailView__title' }],
    accountName: [{ css: '[data-test="deal-field-org"] .field__value' }, { css: '[data-test="deal-detail"] a[href*="/organization/"]' }],
    amount: [{ css: '[data-test="deal-value"]' }, { css: '[data-test="deal-field-value"] .field__value' }],
    stage: [
      { css: '.stageSelector__stage.is-current .stageSelector__name' },
      { css: '[data-test="pipeline-stage"][aria-current="step"]', attr: 'title' },
    ],
    closeDate: [{ css: '[data-test="deal-field-expected_close_date"] .field__value' }],
    owner: [{ css: '[data-test="deal-owner-name"]' }],
  },
  data,
  // The default pipeline of a new Pipedrive company; won/lost are deal statuses.
  stages: {
    en: { 'Lead In': 10, 'Contact Made': 20, 'Demo Scheduled': 40, 'Proposal Made': 70, 'Negotiations Started': 80, Won: 100, Lost: 0 },
  },
});
