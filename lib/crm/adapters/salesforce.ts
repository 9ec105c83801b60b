// Salesforce Lightning Experience, Opportunity record pages. The record lives
// in open shadow roots (LWC), two deep for the detail panel; the deep reader
// pierces them. Record ids are 15/18 chars, "006" = Opportunity.
import { defineBuiltinAdapter } from '../builtin-adapter';
import { CLASSIC_PIPELINE_STAGES } from './common-labels';
import { unverified } from '../ui-languages';

const item = (labelText: string) => ({ css: `records-record-layout-item[field-label="${labelText}"] .slds-form-element__static` });
// Flexipage fields carry the API name whatever the UI language (so they read a
// page in a language whose labels are not in this file).
const field = (api: string) => ({ css: `[data-target-selection-name="sfdc:RecordField.Opportunity.${api}"] .slds-form-element__static` });

export const salesforce = defineBuiltinAdapter({
  definition: {
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
    dateOrder: 'MDY',
    readyWhen: ['dealName'],
    waitMs: 15_000,
  },
  labels: {
    en: {
      labels: {
        dealName: ['Opportunity Name'],
        accountName: ['Account Name'],
        amount: ['Amount'],
        currency: ['Opportunity Currency'],
        stage: ['Stage'],
        closeDate: ['Close Date'],
        owner: ['Opportunity Owner'],
        probability: ['Probability (%)'],
      },
      source: 'Salesforce Field Reference, Opportunity (developer.salesforce.com); Help "Opportunity Fields" (sales.opp_fields.htm)',
    },
    de: {
      labels: {
        dealName: ['Opportunity-Name'],
        accountName: ['Accountname'],
        amount: ['Betrag'],
        stage: ['Phase'],
        closeDate: ['Schlusstermin'],
        owner: ['Opportunity-Inhaber'],
        probability: ['Wahrscheinlichkeit (%)'],
      },
      source: 'column headers of German Salesforce opportunity report exports read by public code (Opportunity-Name, Phase, Schlusstermin, Opportunity-Inhaber, Wahrscheinlichkeit (%), Accountname); Betrag as given in issue 10',
      missing: 'currency: the German label of Opportunity Currency was not found',
    },
    fr: {
      labels: {
        dealName: ["Nom de l'opportunité"],
        stage: ['Étape'],
        closeDate: ['Date de clôture'],
        owner: ["Propriétaire de l'opportunité"],
      },
      source: "French report export columns (Propriétaire de l'opportunité, Date de clôture, Etape) and a Lightning UI test filling \"Nom de l'Opportunité\"; Trailhead fr \"Étapes d'opportunité\"",
      missing: 'accountName, amount, currency, probability: French labels not found in a public source',
    },
    'pt-BR': {
      labels: { accountName: ['Nome da conta'], stage: ['Fase'], owner: ['Proprietário da oportunidade'] },
      source: 'column headers of a Brazilian Salesforce opportunity export read by public code (tbSalesforce: Proprietário da oportunidade, Fase, Nome da conta)',
      missing: 'dealName, amount, closeDate, currency, probability: not found in a public source',
    },
    it: {
      labels: {
        dealName: ['Nome opportunità'],
        accountName: ['Nome account'],
        amount: ['Ammontare', 'Importo'],
        stage: ['Fase'],
        closeDate: ['Data chiusura'],
        owner: ['Titolare opportunità'],
        probability: ['Probabilità (%)'],
      },
      source: 'notes on an Italian Lightning org in a public repo ("List columns (reale)": Nome opportunità, Nome account, Fase, Data chiusura, Titolare opportunità; Ammontare, Probabilità (%)); an Italian LWC table labelling OwnerName "Titolare Opportunità"; Importo, Fase in Italian descriptions of the Opportunity API fields',
      missing: 'currency: not found in a public source',
    },
    ja: {
      labels: { dealName: ['商談名'], accountName: ['取引先名'], amount: ['金額'], stage: ['フェーズ'], closeDate: ['完了予定日'], owner: ['商談 所有者'], probability: ['確度 (%)', '確度'] },
      source: 'Japanese Salesforce articles naming the standard fields (商談名, 金額, 取引先名, フェーズ, 完了予定日(CloseDate)); column headers of Japanese Salesforce report exports read by public code (商談 所有者, 商談名, 完了予定日, フェーズ); CData Salesforce ja docs (確度)',
      missing: 'currency: not found in a public source',
    },
    ko: {
      labels: {
        dealName: ['영업기회 이름'],
        accountName: ['계정 이름'],
        stage: ['단계'],
        closeDate: ['마감 일자'],
        owner: ['영업기회 소유자'],
        probability: ['성공 확률 (%)'],
      },
      source: "a Korean org's Opportunity field labels dumped in a public repo (Name 영업기회 이름, StageName 단계, CloseDate 마감 일자, OwnerId 영업기회 소유자, Probability 성공 확률 (%)); Trailhead ko (계정 이름)",
      missing: 'amount: that org relabelled Amount; currency: not found',
    },
    'zh-CN': {
      labels: { dealName: ['业务机会名称'], accountName: ['客户名'], amount: ['金额'], stage: ['阶段'], closeDate: ['结束日期'], owner: ['业务机会所有人'] },
      source: 'carried over from the earlier adapter and its zh-CN page variant (test/lib/crm/variants.test.ts)',
      missing: 'currency, probability: not found in a public source',
    },
    'zh-TW': unverified('no Traditional Chinese Salesforce label text was found in a public source'),
    es: {
      labels: {
        dealName: ['Nombre de la oportunidad'],
        amount: ['Importe'],
        stage: ['Etapa'],
        closeDate: ['Fecha de cierre'],
        owner: ['Propietario de oportunidad'],
        probability: ['Probabilidad'],
      },
      source: "Spanish Salesforce report exports read by public code (\"Oportunidad: Propietario de oportunidad\", \"Propietario De Oportunidad\" / \"Suma De Importe\"); a Spanish description of the Opportunity object's required fields (Etapa, Fecha de cierre, Nombre de la oportunidad, Probabilidad, Propietario de oportunidad)",
      missing: 'accountName, currency: not found in a public source',
    },
    nl: unverified('no Dutch Salesforce opportunity label text was found in a public source'),
  },
  // Default Sales Process stages; % as Baton counts "how far along", not Salesforce's forecast probability.
  stages: {
    en: { Prospecting: 10, ...CLASSIC_PIPELINE_STAGES },
  },
  tryOn: {
    deals: [
      { url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00000XyZ12IAB/view', tenant: 'acme.lightning.force.com', recordId: '006Hs00000XyZ12IAB' },
      { url: 'https://acme--uat.sandbox.lightning.force.com/lightning/r/Opportunity/006Hs00000XyZ12/view', tenant: 'acme--uat.sandbox.lightning.force.com', recordId: '006Hs00000XyZ12' },
    ],
    notDeals: [
      'https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent',
      'https://acme.lightning.force.com/lightning/r/Account/001Hs00000AbCdEIAZ/view',
      'https://acme.lightning.force.com/lightning/page/home',
    ],
  },
});
