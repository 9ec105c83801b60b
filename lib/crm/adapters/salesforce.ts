// Salesforce Lightning Experience, Opportunity record pages. The record lives
// in open shadow roots (LWC), two deep for the detail panel; the deep reader
// pierces them. Record ids are 15/18 chars, "006" = Opportunity.
import { defineBuiltinAdapter } from '../builtin-adapter';
import { CLASSIC_PIPELINE_STAGES } from './common-labels';
import data from './salesforce.json';

const item = (labelText: string) => ({ css: `records-record-layout-item[field-label="${labelText}"] .slds-form-element__static` });
// Flexipage fields carry the API name whatever the UI language (so they read a
// page in a language whose labels are not in this file).
const field = (api: string) => ({ css: `[data-target-selection-name="sfdc:RecordField.Opportunity.${api}"] .slds-form-element__static` });

export const salesforce = defineBuiltinAdapter({
  fields: {
    dealName: [
      { css: 'records-lwc-highlights-panel [slot="primaryField"]' },
      { css: '.slds-page-header__title lightning-formatted-text' },
      item('Opportunity Name'),
      field('Name'),
    ],
    accountName: [item('Account Name'), field('AccountId'), { css: 'records-highlights-details-item a[href*="/lightning/r/Account/"]' }],
    amount: [item('Amount'), field('Amount')],
    currency: [field('CurrencyIsoCode')],
    stage: [
      { css: '.slds-path__item.slds-is-current .slds-path__title' },
      { css: '.slds-path__link[aria-selected="true"] .slds-path__title' },
      item('Stage'),
      field('StageName'),
    ],
    closeDate: [item('Close Date'), field('CloseDate')],
    owner: [item('Opportunity Owner'), field('OwnerId'), { css: 'records-highlights-details-item a[href*="/lightning/r/User/"]' }],
    probability: [field('Probability')],
  },
  data,
  // Default Sales Process stages; % as Baton counts "how far along", not Salesforce's forecast probability.
  stages: {
    en: { Prospecting: 10, ...CLASSIC_PIPELINE_STAGES },
  },
});
