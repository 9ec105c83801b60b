// ISO 3166 region → the ISO 4217 currency used there (ISO 4217 list, "entity").
// Intl has no API for this fact; it is kept to the regions whose currencies a
// CRM page plausibly shows. The symbols of these currencies are not typed here:
// currency-symbols.ts asks Intl for them in each region's own language.
export const REGION_CURRENCY: Readonly<Record<string, string>> = {
  US: 'USD', CA: 'CAD', MX: 'MXN', BR: 'BRL', AR: 'ARS', CL: 'CLP', CO: 'COP', PE: 'PEN',
  GB: 'GBP', IE: 'EUR', DE: 'EUR', AT: 'EUR', FR: 'EUR', BE: 'EUR', NL: 'EUR', LU: 'EUR', ES: 'EUR', PT: 'EUR',
  IT: 'EUR', FI: 'EUR', GR: 'EUR', CH: 'CHF', LI: 'CHF', SE: 'SEK', NO: 'NOK', DK: 'DKK', IS: 'ISK',
  PL: 'PLN', CZ: 'CZK', HU: 'HUF', RO: 'RON', TR: 'TRY', RU: 'RUB', UA: 'UAH', IL: 'ILS',
  AE: 'AED', SA: 'SAR', EG: 'EGP', ZA: 'ZAR', NG: 'NGN', IN: 'INR', PK: 'PKR',
  CN: 'CNY', TW: 'TWD', HK: 'HKD', MO: 'MOP', JP: 'JPY', KR: 'KRW', SG: 'SGD', MY: 'MYR',
  TH: 'THB', VN: 'VND', ID: 'IDR', PH: 'PHP', AU: 'AUD', NZ: 'NZD',
};
