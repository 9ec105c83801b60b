// The server's periodic work: deliver due webhooks, and queue notices for
// claims about to expire. Both are safe to run from several servers at once.
import type { Db } from './db/connect';
import { sweepExpiring } from './claims/expiring-notices';
import { deliverDue } from './webhooks/outbox';

export function startJobs(db: Db): () => void {
  const quiet = () => undefined; // a failed round is retried on the next tick
  const deliver = setInterval(() => void deliverDue(db).catch(quiet), 2_000);
  const sweep = setInterval(() => void sweepExpiring(db).catch(quiet), 60_000);
  void sweepExpiring(db).catch(quiet);
  return () => {
    clearInterval(deliver);
    clearInterval(sweep);
  };
}
