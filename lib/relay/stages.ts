// The stages a customer passes through (the design's "The whole relay"): sales,
// then optionally implementation, then customer success. The vocabulary is
// fixed; a team's relay policy (relay-policy.ts) picks the route and each
// stage's rules.
export const STAGE_IDS = ['sales', 'implementation', 'cs'] as const;
export type StageId = (typeof STAGE_IDS)[number];

/** Today's relay, and the route of every packet that carries none: sales → CS. */
export const DEFAULT_ROUTE: readonly StageId[] = ['sales', 'cs'];

