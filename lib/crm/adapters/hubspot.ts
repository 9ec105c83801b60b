// HubSpot deals: object type 0-3 in the record path, portal id as the tenant.
// Regional hosts (app-eu1, app-na2, …) share the layout.
import { defineBuiltinAdapter } from '../builtin-adapter';
import { unverified } from '../ui-languages';

const prop = (name: string) => ({ css: `[data-selenium-test="property-input-${name}"] [data-selenium-test="property-value"]` });
// Newer layouts use data-test-id, and editable properties show an input.
const propAlt = (name: string) => ({ css: `[data-test-id="property-input-${name}"] [data-test-id="property-value"], [data-selenium-test="property-input-${name}"] input` });

export const hubspot = defineBuiltinAdapter({
  definition: {
    id: 'hubspot',
    name: 'HubSpot',
    hosts: ['app.hubspot.com', 'app-*.hubspot.com'],
    url: {
      part: 'path',
      pattern: '^/contacts/(?<tenant>\\d+)/(?:record/0-3|deal)/(?<recordId>\\d+)(?:/|$)',
      tenantFrom: 'pattern',
    },
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
    dateOrder: 'MDY',
    readyWhen: ['dealName'],
  },
  labels: {
    en: {
      labels: {
        dealName: ['Deal name', 'Deal Name'],
        accountName: ['Company', 'Company name'],
        amount: ['Amount'],
        currency: ['Currency'],
        stage: ['Deal stage', 'Deal Stage'],
        closeDate: ['Close date', 'Close Date'],
        owner: ['Deal owner', 'Deal Owner'],
        probability: ['Deal probability'],
      },
      source: "HubSpot Knowledge Base, \"HubSpot's default deal properties\" (en)",
    },
    de: {
      labels: { amount: ['Betrag'], stage: ['Deal-Phase', 'Phase'], closeDate: ['Abschlussdatum'], owner: ['Deal-Inhaber'] },
      source: 'HubSpot Knowledge Base de: "Liste der Standard-Deal-Eigenschaften" (Betrag), "Mit Deal-Datensätzen arbeiten" (Dropdown-Menü „Abschlussdatum“, „Phase“); a German reproduction of HubSpot\'s deals index in a public repo (filters Deal-Inhaber, Abschlussdatum; columns Betrag, Deal-Phase)',
      missing: 'dealName, accountName, currency, probability: German labels not found in a public source',
    },
    nl: {
      labels: { amount: ['Bedrag'], closeDate: ['Sluitingsdatum'] },
      source: "HubSpot Knowledge Base nl, \"HubSpot's standaard deal eigenschappen\" (Sluitingsdatum, eigenschap Bedrag)",
      missing: 'dealName, accountName, stage, owner, currency, probability: Dutch labels not found in a public source',
    },
    fr: {
      labels: { closeDate: ['Date de fermeture'] },
      source: 'HubSpot Knowledge Base fr, "Définir des paramètres par défaut pour créer des transactions" (date de fermeture)',
      missing: 'other fields: French labels not found in a public source',
    },
    ja: {
      labels: { dealName: ['取引名'], amount: ['金額'], stage: ['取引ステージ'], closeDate: ['クローズ日'] },
      source: 'HubSpot Knowledge Base ja, 「HubSpotの既定の取引プロパティー」 (金額, クローズ日), 既定のリードプロパティー (取引ステージ), 必須フィールドの設定 (取引の取引名)',
      missing: 'accountName, owner, currency, probability: Japanese labels not found in a public source',
    },
    'zh-CN': unverified('no Simplified Chinese HubSpot deal property label was found in a public source'),
    'zh-TW': unverified('no Traditional Chinese HubSpot deal property label was found in a public source'),
    ko: unverified('the Korean HubSpot knowledge base pages found do not name the deal properties'),
    es: {
      labels: { dealName: ['Nombre del negocio'], closeDate: ['Fecha de cierre'], owner: ['Propietario del negocio'] },
      source: 'HubSpot Knowledge Base es, "Configura campos obligatorios…" (Nombre del negocio para los negocios); a Spanish reproduction of HubSpot\'s deals index in a public repo (filters Propietario del negocio, Fecha de cierre)',
      missing: 'accountName, amount, stage, currency, probability: Spanish labels not found in a public source',
    },
    'pt-BR': {
      labels: { dealName: ['Nome do negócio'] },
      source: 'HubSpot Knowledge Base pt, "Definir campos exigidos…" (Nome do negócio para transações)',
      missing: 'other fields: Portuguese labels not found in a public source',
    },
    it: unverified('no Italian HubSpot deal property label was found in a public source'),
  },
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
  tryOn: {
    deals: [
      { url: 'https://app.hubspot.com/contacts/21458713/record/0-3/9876543210', tenant: '21458713', recordId: '9876543210' },
      { url: 'https://app-eu1.hubspot.com/contacts/21458713/record/0-3/9876543210/view/1', tenant: '21458713', recordId: '9876543210' },
    ],
    notDeals: [
      'https://app.hubspot.com/contacts/21458713/record/0-1/55102',
      'https://app.hubspot.com/contacts/21458713/record/0-2/18273645',
      'https://app.hubspot.com/contacts/21458713/objects/0-3/views/all/board',
    ],
  },
});
