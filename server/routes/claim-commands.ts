// Commands on one claim (POST /v1/claims/:id/<command>): one table entry per
// command — its body schema, handler, status code and OpenAPI text — generates
// the routes (server/routes/claims.ts) and their document entries. Who may run
// each is checked by its handler in server/claims; `roles` documents it.
import type { z } from 'zod';
import { openConflictBodySchema, stageBodySchema } from '@/lib/claims/api-schemas';
import { emptyBodySchema } from '@/lib/sync/api-schemas';
import type { Caller } from '../auth/tokens';
import { addStage, decideExtension, requestExtension } from '../claims/claim-changes';
import { releaseClaim } from '../claims/claims';
import { openConflict } from '../claims/conflicts';
import type { Db } from '../db/connect';

export interface ClaimCommandDef<B> {
  /** the path after /claims/:id/ */
  path: string;
  body: z.ZodType<B>;
  run(db: Db, caller: Caller, id: number, body: B): Promise<unknown>;
  /** the success status: 201 when it creates something */
  status: 200 | 201;
  summary: string;
  roles?: string;
}

// Defined through this so that each handler's body type follows from its schema.
const def = <S extends z.ZodType>(d: ClaimCommandDef<z.infer<S>> & { body: S }): ClaimCommandDef<unknown> => d;

export const CLAIM_COMMANDS: ClaimCommandDef<unknown>[] = [
  def({ path: 'release', body: emptyBodySchema, status: 200, run: (db, caller, id) => releaseClaim(db, caller, id, 'release'), summary: 'Release a claim (owner, manager, admin)' }),
  def({ path: 'won', body: emptyBodySchema, status: 200, run: (db, caller, id) => releaseClaim(db, caller, id, 'won'), summary: 'Mark a claim won (owner, manager, admin)' }),
  def({ path: 'stages', body: stageBodySchema, status: 200, run: (db, caller, id, b) => addStage(db, caller, id, b.stage, b.evidence), summary: 'Log ladder stage evidence (extends the claim)' }),
  def({ path: 'extension', body: emptyBodySchema, status: 200, run: (db, caller, id) => requestExtension(db, caller, id), summary: 'Request the one manual extension' }),
  def({ path: 'extension/approve', body: emptyBodySchema, status: 200, run: (db, caller, id) => decideExtension(db, caller, id, true), summary: 'Approve the extension', roles: 'manager, admin' }),
  def({ path: 'extension/deny', body: emptyBodySchema, status: 200, run: (db, caller, id) => decideExtension(db, caller, id, false), summary: 'Deny the extension', roles: 'manager, admin' }),
  def({ path: 'conflicts', body: openConflictBodySchema, status: 201, run: (db, caller, id, b) => openConflict(db, caller, id, b.evidence), summary: 'Open a conflict on someone else’s claim, with evidence' }),
];
