// Dynamics 365 Sales (Unified Interface): one path, /main.aspx, with the entity
// and record id in the query string. Amount and date are input values; lookups
// (account, owner) are "selected tag" links.
import { defineBuiltinAdapter } from '../builtin-adapter';
import data from './dynamics.json';

const tag = (field: string, prefix = '') => ({
  css: `[data-id="${prefix}${field}.fieldControl-LookupResultsDropdown_${field}_selected_tag_text"]`,
});

export const dynamics = defineBuiltinAdapter({
  fields: {
    dealName: [{ css: '[data-id="header_title"]', attr: 'title' }, { css: '[data-id="header_title"]' }, { css: 'input[data-id="name.fieldControl-text-box-text"]' }],
    accountName: [tag('parentaccountid'), tag('parentaccountid', 'header_')],
    amount: [
      { css: 'input[data-id="estimatedvalue.fieldControl-currency-text-input"]' },
      { css: '[data-id="header_estimatedvalue.fieldControl-currency-text-display"]' },
    ],
    currency: [tag('transactioncurrencyid')],
    stage: [
      { css: '[data-id*="ProcessBreadCrumb-processHeaderStage"][aria-selected="true"] [data-id*="stageName"]', attr: 'title' },
      { css: '[data-id*="ProcessBreadCrumb-processHeaderStage"][aria-current="step"] [data-id*="stageName"]' },
    ],
    closeDate: [
      { css: 'input[data-id="estimatedclosedate.fieldControl-date-time-input"]' },
      { css: '[data-id="header_estimatedclosedate.fieldControl-date-time-input-display"]' },
    ],
    owner: [tag('ownerid', 'header_'), tag('ownerid')],
    probability: [{ css: 'input[data-id="closeprobability.fieldControl-whole-number-text-input"]' }],
  },
  // The stage is read from the process bar, which has no label. Currency and
  // probability labels were not confirmed in a public source: not read by label.
  data,
  // The Lead to Opportunity Sales Process flow's stages, as the localized labs name them.
  stages: {
    en: { Qualify: 20, Develop: 40, Propose: 70, Close: 90 },
    de: { Qualifizieren: 20, Entwickeln: 40, Vorschlagen: 70, Abschließen: 90 },
    fr: { Qualifier: 20, Développer: 40, Proposer: 70, Fermer: 90 },
    es: { Calificar: 20, Desarrollar: 40, Proponer: 70, Cerrar: 90 },
    'pt-BR': { Qualificar: 20, Desenvolver: 40, Propor: 70, Fechar: 90 },
    it: { Qualifica: 20, Sviluppo: 40, Proposta: 70, Chiusura: 90 },
    ja: { 見込みありと評価: 20, 開発: 40, 提案: 70, クローズ: 90 },
    ko: { '우량으로 선별': 20, 개발: 40, 제안: 70, 종료: 90 },
    'zh-TW': { 授與資格: 20, 開發: 40, 提議: 70, 提案: 70, 結案: 90 },
  },
});
