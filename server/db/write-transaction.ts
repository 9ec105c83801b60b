// Every transaction of the server that writes runs through here. PostgreSQL
// aborts one side of a deadlock (40P01) or a serialization failure (40001);
// neither is the caller's fault, and the whole transaction was rolled back,
// so running it again is safe and usually answers right: concurrent claims
// of one customer insert overlapping keys under an exclusion constraint and
// can deadlock, and the retry meets the winner's keys and answers "already
// claimed" (seen as a stray error in the 60-claim race test).
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Tx } from '../audit';
import type { Db } from './connect';

const ATTEMPTS = 5;

function isRetryable(e: unknown): boolean {
  // drizzle wraps the driver's error (DrizzleQueryError), so look down the causes.
  for (let x: unknown = e; x; x = (x as { cause?: unknown }).cause) {
    const code = (x as { code?: string }).code;
    if (code === '40P01' || code === '40001') return true;
  }
  return false;
}

/**
 * Runs `work` as one transaction on `db`, and again (at most 5 times in all,
 * after a short random pause) when PostgreSQL aborted it as a deadlock or
 * serialization victim; any other error, or the last attempt's, is thrown as
 * is. `work` must keep its effects inside the transaction, since it may run
 * more than once. Called with a transaction, it runs as a savepoint once: only
 * the outermost transaction can be retried (the whole one was aborted).
 */
export async function writeTransaction<T>(db: Db | Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (db instanceof PgTransaction) return db.transaction(work);
  return retried(() => db.transaction(work));
}

/** One writing statement outside any transaction (it is its own), run again like a transaction above. */
export function writeStatement<T>(work: () => Promise<T>): Promise<T> {
  return retried(work);
}

async function retried<T>(work: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (e) {
      if (i >= ATTEMPTS || !isRetryable(e)) throw e;
      await new Promise((ok) => setTimeout(ok, 5 + Math.random() * 20 * i));
    }
  }
}
