// What the look-up box needs to turn typed text into a claim key: the team's
// key rules and the normalisation the server uses. Phone metadata, Chinese
// script folding and the legal-form tables make this most of the popup's code
// by size, so the popup imports it when the rep starts typing (ClaimLookup),
// and the lists never wait for it.
export { claimKey } from '@/lib/claims/claim-key';
export { guessKeyKind } from '@/lib/claims/guess-kind';
export { cachedKeyRules } from '@/extension/db/pending-claims';
export { keyRulesSchema } from '@/lib/claims/policy';
