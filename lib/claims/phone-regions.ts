// The ISO 3166-1 alpha-2 regions libphonenumber has numbering data for, as a
// plain list: the claim policy checks a team's phone region against it
// (policy.ts), and every extension page parses that policy, so asking
// libphonenumber itself would load its whole metadata (~150 KB) into the popup,
// sidebar and background before their first paint. Kept equal to
// libphonenumber-js/max getCountries() by test/lib/claims/phone-regions.test.ts
// (it fails, listing the difference, when an update adds or drops a region).
const REGIONS = new Set(
  `
  AC AD AE AF AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ
  BL BM BN BO BQ BR BS BT BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU
  CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA
  GB GD GE GF GG GH GI GL GM GN GP GQ GR GT GU GW GY HK HN HR HT HU ID IE IL
  IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
  LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT
  MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK
  PL PM PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM
  SN SO SR SS ST SV SX SY SZ TA TC TD TG TH TJ TK TL TM TN TO TR TT TV TW TZ
  UA UG US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW
  `.split(/\s+/).filter(Boolean),
);

/** Is this an ISO 3166-1 alpha-2 region libphonenumber has numbering data for? Upper case only. */
export const isPhoneRegion = (region: string): boolean => REGIONS.has(region);

/** Every such region, for the test that keeps the list equal to libphonenumber's. */
export const PHONE_REGIONS: ReadonlySet<string> = REGIONS;
