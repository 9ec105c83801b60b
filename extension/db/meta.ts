// The meta table's keys, each with the zod schema of its value: every read is
// checked (a value of another shape reads as absent, like a missing one) and
// every write is typed. Raw db.meta access belongs here only.
import { z } from 'zod';
import { checklistTemplateSchema } from '@/lib/packet/checklist-template';
import { handoffNoticeSchema } from '@/lib/reassign/handoff-notice';
import { syncAuthSchema } from '@/lib/sync/sync-auth';
import type { BatonDB } from './database';

/**
 * A schema loaded when its key is first read. The team policies' schemas take
 * ~10 ms to build (classic zod, built when their module is imported), and
 * every page imports this file: the popup, which reads neither policy, opens
 * without building them (issue 14).
 */
interface LoadedSchema<S extends z.ZodType> {
  load: () => Promise<S>;
}
const loaded = <S extends z.ZodType>(load: () => Promise<S>): LoadedSchema<S> => ({ load });

/** Keys holding one value each. */
const SINGLE = {
  /** server URL, token and who it is (extension/db/sync-auth.ts) */
  auth: syncAuthSchema,
  /** the last change position pulled (server packets.seq) */
  cursor: z.number(),
  /** this browser's random id, also its HLC node id */
  clientId: z.string().min(1),
  /** the hybrid logical clock's last state (lib/sync/hlc.ts) */
  hlc: z.object({ wall: z.number(), counter: z.number() }),
  /** server time minus this browser's, ms, measured at the last claims fetch */
  serverOffsetMs: z.number(),
  /** when the claims cache was last filled, ISO 8601 */
  claimsFetchedAt: z.string(),
  /** the team's claim policy as the last sync brought it */
  claimPolicy: loaded(() => import('@/lib/claims/policy').then((m) => m.claimPolicySchema)),
  /** a manager's open extension requests and conflicts; null for other roles or when unknown */
  managerQueue: z.object({ extensions: z.number(), conflicts: z.number() }).nullable(),
  /** the team's checklist template as the last sync brought it */
  checklistTemplate: checklistTemplateSchema,
  /** the team's engagement policy as the last sync brought it */
  engagementPolicy: loaded(() => import('@/lib/engagement/policy').then((m) => m.engagementPolicySchema)),
  /** expiring-claim notices already shown, "claimId:days" */
  claimNoticesSent: z.array(z.string()),
  /** claims and packets a reassignment handed to me, not yet acknowledged (extension/sync/handoffs-cache.ts) */
  handoffs: z.array(handoffNoticeSchema),
};

/** Key families: one value per id, stored under "family:id". */
const FAMILY = {
  /** per CRM (adapter id): the deal fields it ever read (extension/db/adapter-health.ts) */
  adapterSeen: z.array(z.string()),
};

type Single = typeof SINGLE;
type Family = typeof FAMILY;
type SchemaIn<E> = E extends LoadedSchema<infer S> ? S : E;
export type MetaKey = keyof Single | `${keyof Family}:${string}`;
export type MetaValue<K extends MetaKey> = K extends keyof Single
  ? z.output<SchemaIn<Single[K]>>
  : K extends `${infer F extends keyof Family}:${string}`
    ? z.output<Family[F]>
    : never;

async function schemaOf(key: MetaKey): Promise<z.ZodType> {
  const entry: z.ZodType | LoadedSchema<z.ZodType> = key in SINGLE ? SINGLE[key as keyof Single] : FAMILY[key.slice(0, key.indexOf(':')) as keyof Family];
  return 'load' in entry ? entry.load() : entry;
}

/** The key of one member of a family, e.g. metaKey('adapterSeen', 'salesforce'). */
export function metaKey<F extends keyof Family>(family: F, id: string): `${F}:${string}` {
  return `${family}:${id}`;
}

/** The stored value, or undefined when absent or not of the key's shape. */
export async function getMeta<K extends MetaKey>(db: BatonDB, key: K): Promise<MetaValue<K> | undefined> {
  const [row, schema] = await Promise.all([db.meta.get(key), schemaOf(key)]);
  if (!row) return undefined;
  const parsed = schema.safeParse(row.value);
  return parsed.success ? (parsed.data as MetaValue<K>) : undefined;
}

export async function setMeta<K extends MetaKey>(db: BatonDB, key: K, value: MetaValue<K>): Promise<void> {
  await db.meta.put({ key, value });
}

export async function deleteMeta(db: BatonDB, ...keys: MetaKey[]): Promise<void> {
  await db.meta.bulkDelete(keys);
}
