// Salesforce Lightning Experience, Opportunity record pages. The record lives
// in open shadow roots (LWC), two deep for the detail panel; the deep reader
// pierces them. Record ids are 15/18 chars, "006" = Opportunity.
import { defineAdapter } from '../adapter-schema';
import { label } from './common-labels';

const item = (labelText: string) => ({ css: `records-record-layout-item[field-label="${labelText}"] .slds-form-element__static` });
// Flexipage fields carry the API name whatever the UI language.
const field = (api: string) => ({ css: `[data-target-selection-name="sfdc:RecordField.Opportunity.${api}"] .slds-form-element__static` });

export const salesforce = defineAdapter({
  id: 'salesforce',
  name: 'Salesforce',
  hosts: ['*.lightning.force.com', '*.my.salesforce.com', '*.lightning.crmforce.mil', '*.salesforce.com', '*.force.com'],
  url: { part: 'path', pattern: '^/lightning/r/Opportunity/(?<recordId>006[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?)/view' },
  fields: {
    dealName: [
      { css: 'records-lwc-highlights-panel [slot="primaryField"]' },
      { css: '.slds-page-header__title lightning-formatted-text' },
      item('Opportunity Name'),
      field('Name'),
      label('dealName'),
    ],
    accountName: [item('Account Name'), field('AccountId'), { css: 'records-highlights-details-item a[href*="/lightning/r/Account/"]' }, label('accountName')],
    amount: [item('Amount'), field('Amount'), label('amount')],
    stage: [{ css: '.slds-path__item.slds-is-current .slds-path__title' }, { css: '.slds-path__link[aria-selected="true"] .slds-path__title' }, item('Stage'), field('StageName'), label('stage')],
    closeDate: [item('Close Date'), field('CloseDate'), label('closeDate')],
    owner: [item('Opportunity Owner'), field('OwnerId'), { css: 'records-highlights-details-item a[href*="/lightning/r/User/"]' }, label('owner')],
  },
  dateOrder: 'MDY',
  readyWhen: ['dealName'],
  waitMs: 15_000,
});

// Try it on:
// https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00000XyZ12IAB/view
// https://acme--uat.sandbox.lightning.force.com/lightning/r/Opportunity/006Hs00000XyZ12/view
// Not a deal: /lightning/o/Opportunity/list, /lightning/r/Account/001…/view
