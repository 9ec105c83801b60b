// What the look-up box needs once the rep types: the team's key rules and the
// normalisation the server uses to turn text into a claim key, and the call
// that asks the server (with the answer's schema and the error texts). Phone
// metadata, Chinese script folding, the legal-form tables and the schemas make
// this most of the popup's code by size and start-up time, so the popup
// imports it when the rep starts typing (ClaimLookup), and the lists never
// wait for it.
export { claimKey } from '@/lib/claims/claim-key';
export { guessKeyKind } from '@/lib/claims/guess-kind';
export { cachedKeyRules } from '@/extension/db/pending-claims';
export { keyRulesSchema } from '@/lib/claims/policy';
export { lookupAnswerSchema } from '@/lib/claims/api-responses';
export { errorText, serverApi } from '../shared/server-api';
