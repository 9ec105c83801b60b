// Dynamics 365 Sales (Unified Interface): one path, /main.aspx, with the entity
// and record id in the query string. Amount and date are input values; lookups
// (account, owner) are "selected tag" links.
import { defineBuiltinAdapter } from '../builtin-adapter';
import { unverified } from '../ui-languages';

const tag = (field: string, prefix = '') => ({
  css: `[data-id="${prefix}${field}.fieldControl-LookupResultsDropdown_${field}_selected_tag_text"]`,
});

export const dynamics = defineBuiltinAdapter({
  definition: {
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
    dateOrder: 'MDY',
    readyWhen: ['dealName'],
    waitMs: 15_000,
  },
  // The stage is read from the process bar, which has no label. Currency and
  // probability labels were not confirmed in a public source: not read by label.
  labels: {
    en: {
      labels: {
        dealName: ['Topic'],
        accountName: ['Potential Customer'],
        amount: ['Est. Revenue', 'Estimated Revenue'],
        closeDate: ['Est. Close Date', 'Estimated Close Date'],
        owner: ['Owner'],
      },
      source: 'Dataverse opportunity table reference (learn.microsoft.com: "defaults to the Est. Revenue value"); PowerObjects CRM Book "Opportunity Field Definitions" (Topic, Potential Customer, Estimated Revenue, Estimated Close Date, Owner)',
    },
    de: {
      labels: {
        dealName: ['Thema'],
        accountName: ['Konto'],
        amount: ['Gesch. Umsatz', 'Geschätzter Umsatz'],
        closeDate: ['Gesch. Abschlussdatum', 'Voraussichtliches Abschlussdatum'],
        owner: ['Besitzer'],
      },
      source: 'Microsoft Learning labs de-de (MB-910 Lab 3.1 and MB-280 Lab 2.1: Thema, Feld „Konto“, Feld „Besitzer“, Gesch. Abschlussdatum, Gesch. Umsatz); Geschätzter Umsatz and Voraussichtliches Abschlussdatum as given in issue 10',
    },
    fr: {
      labels: { dealName: ['Rubrique', 'Sujet'], accountName: ['Compte'], amount: ['Chiffre d’affaires estimé'], owner: ['Propriétaire'] },
      source: 'Microsoft Learning labs fr-fr (MB-910 Lab 3.1: champ Propriétaire, Chiffre d’affaires estimé; MB-280 Lab 2.1: Rubrique, champ Compte); Microsoft Learn fr-fr « Création ou modification d’opportunités » (Sujet)',
      missing: 'closeDate: the French labs garble the Est. Close Date label; not confirmed',
    },
    es: {
      labels: { dealName: ['Tema'], accountName: ['Cuenta'], amount: ['Ingresos estimados'], closeDate: ['Fecha de cierre estimada'], owner: ['Propietario'] },
      source: 'Microsoft Learning labs es-es (MB-910 Lab 3.1: campo Propietario, Fecha de cierre estimada, Ingresos estimados; MB-280 Lab 2.1: Tema, campo Cuenta)',
    },
    'pt-BR': {
      labels: {
        dealName: ['Tópico'],
        accountName: ['Conta'],
        amount: ['Receita estimada'],
        closeDate: ['Data de fechamento estimada', 'Data estimada de fechamento'],
        owner: ['Proprietário'],
      },
      source: 'Microsoft Learning labs pt-br (MB-910 Lab 3.1: campo Proprietário, Data de fechamento estimada, Receita estimada; MB-280 Lab 2.1: Tópico, campo Conta, Data estimada de fechamento)',
    },
    it: {
      labels: { dealName: ['Argomento'], amount: ['Ricavi stimati'], closeDate: ['Data di chiusura prevista'], owner: ['Proprietario'] },
      source: 'Microsoft Learning lab it-it (MB-910 Lab 3.1: Argomento, campo Proprietario, Data di chiusura prevista, Ricavi stimati)',
      missing: 'accountName: the Italian lab names only the lead’s company; the opportunity’s account label was not confirmed',
    },
    ja: {
      labels: { dealName: ['トピック'], amount: ['売上見込み'], closeDate: ['予測クローズ日'], owner: ['所有者'] },
      source: 'Microsoft Learning lab ja-jp (MB-910 Lab 3.1: トピック, [所有者] フィールド, 予測クローズ日, 売上見込み); Microsoft Learn ja-jp 「営業案件の作成または編集」 (トピック)',
      missing: 'accountName: not confirmed in Japanese',
    },
    ko: {
      labels: { dealName: ['토픽'], amount: ['예상 매출'], closeDate: ['예상 종료 날짜'], owner: ['소유자'] },
      source: 'Microsoft Learning lab ko-kr (MB-910 Lab 3.1: 토픽, 소유자 필드, 예상 종료 날짜, 예상 매출)',
      missing: 'accountName: not confirmed in Korean',
    },
    'zh-TW': {
      labels: { dealName: ['主題'], amount: ['預估營收'], closeDate: ['預估關閉日期'], owner: ['擁有者'] },
      source: 'Microsoft Learning lab zh-tw (MB-910 Lab 3.1: 主題, [擁有者] 欄位, 預估關閉日期, 預估營收)',
      missing: 'accountName: not confirmed in Traditional Chinese',
    },
    'zh-CN': unverified('no Simplified Chinese Dynamics 365 opportunity label was found in a public source'),
    nl: unverified('no Dutch Dynamics 365 opportunity label was found in a public source'),
  },
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
  tryOn: {
    deals: [
      {
        url: 'https://contoso.crm.dynamics.com/main.aspx?appid=6d5c8b1e-2f7a-4c1d-9e3b-1a2b3c4d5e6f&pagetype=entityrecord&etn=opportunity&id=8f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b',
        tenant: 'contoso.crm.dynamics.com',
        recordId: '8f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b',
      },
      {
        url: 'https://contoso.crm4.dynamics.com/main.aspx?appid=x&pagetype=entityrecord&etn=opportunity&id=%7B8F1C2D3E-4B5A-6978-8A9B-0C1D2E3F4A5B%7D',
        tenant: 'contoso.crm4.dynamics.com',
        recordId: '8f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b',
      },
    ],
    notDeals: [
      'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=3b9e2c7a-1d4f-4e8b-9c2a-7f6e5d4c3b2a',
      'https://contoso.crm.dynamics.com/main.aspx?pagetype=entitylist&etn=opportunity',
    ],
  },
});
