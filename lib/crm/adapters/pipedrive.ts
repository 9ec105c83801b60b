// Pipedrive deals: <company>.pipedrive.com/deal/<id>, a single-page app that
// pushes /deal/<next id> without reloading. Values in German-style EUR
// ("€12.500,00") and dd.mm.yyyy dates are common.
import { defineBuiltinAdapter } from '../builtin-adapter';
import { unverified } from '../ui-languages';

export const pipedrive = defineBuiltinAdapter({
  definition: {
    id: 'pipedrive',
    name: 'Pipedrive',
    hosts: ['*.pipedrive.com'],
    url: { part: 'path', pattern: '^/deal/(?<recordId>\\d+)(?:/|$)' },
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
    dateOrder: 'DMY',
    readyWhen: ['dealName'],
  },
  labels: {
    en: {
      labels: {
        dealName: ['Title'],
        accountName: ['Organization'],
        amount: ['Value'],
        currency: ['Currency'],
        stage: ['Stage'],
        closeDate: ['Expected close date'],
        owner: ['Owner'],
        probability: ['Probability'],
      },
      source: 'Pipedrive GET /v1/dealFields output published in a public repo (Title, Owner, Stage, Expected close date, …) and its knowledge base (en)',
    },
    de: {
      labels: { dealName: ['Titel'], accountName: ['Organisation'], amount: ['Wert'], currency: ['Währung'], stage: ['Phase'] },
      source: 'German Pipedrive field names in snapADDY\'s "Standard CRM-Mapping für Pipedrive" (Titel, Wert, Währung, Phase, Organisation); Pipedrive knowledge base de (Phasen)',
      missing: 'closeDate, owner, probability: German labels not found in a public source',
    },
    'zh-CN': unverified('no Simplified Chinese Pipedrive field label was found in a public source'),
    'zh-TW': unverified('no Traditional Chinese Pipedrive field label was found in a public source'),
    ja: unverified('no Japanese Pipedrive field label was found in a public source'),
    ko: unverified('no Korean Pipedrive field label was found in a public source'),
    fr: {
      labels: { dealName: ["Titre de l'affaire"], amount: ["Valeur de l'affaire"], owner: ["Propriétaire de l'affaire"] },
      source: 'Pipedrive knowledge base fr, « Personnalisation et tri des cartes d\'affaires » (Titre de l\'affaire, Valeur de l\'affaire, Propriétaire de l\'affaire)',
      missing: 'accountName, stage, closeDate, currency, probability: French labels not found in a public source',
    },
    es: unverified('no Spanish Pipedrive field label was found in a public source'),
    'pt-BR': {
      labels: {
        dealName: ['Título'],
        accountName: ['Organização'],
        amount: ['Valor'],
        stage: ['Etapa'],
        closeDate: ['Data de fechamento esperada'],
        owner: ['Proprietário'],
        probability: ['Probabilidade'],
      },
      source: 'a Brazilian account\'s GET /api/v2/dealFields output published in a public repo (title Título, value Valor, org_id Organização, stage_id Etapa, expected_close_date Data de fechamento esperada, owner_id Proprietário, probability Probabilidade)',
      missing: 'currency: v2 nests it in the value field',
    },
    it: unverified('no Italian Pipedrive field label was found in a public source'),
    nl: unverified('no Dutch Pipedrive field label was found in a public source'),
  },
  // The default pipeline of a new Pipedrive company; won/lost are deal statuses.
  stages: {
    en: { 'Lead In': 10, 'Contact Made': 20, 'Demo Scheduled': 40, 'Proposal Made': 70, 'Negotiations Started': 80, Won: 100, Lost: 0 },
  },
  tryOn: {
    deals: [
      { url: 'https://acme-sales.pipedrive.com/deal/4821', tenant: 'acme-sales.pipedrive.com', recordId: '4821' },
      { url: 'https://acme-sales.pipedrive.com/deal/4822', tenant: 'acme-sales.pipedrive.com', recordId: '4822' },
    ],
    notDeals: ['https://acme-sales.pipedrive.com/pipeline/1', 'https://acme-sales.pipedrive.com/settings/personal', 'https://acme-sales.pipedrive.com/person/5521'],
  },
});
