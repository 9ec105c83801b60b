// The server's periodic work: deliver due webhooks, queue notices for claims
// about to expire and the managers' daily digest. All are safe to run from
// several servers at once.
import type { Db } from './db/connect';
import { sweepDigest } from './claims/claim-digest';
import { sweepExpiring } from './claims/expiring-notices';
import { deliverDue } from './webhooks/outbox';

export function startJobs(db: Db): () => void {
  const quiet = () => undefined; // a failed round is retried on the next tick
  const deliver = setInterval(() => void deliverDue(db).catch(quiet), 2_000);
  const sweepAll = () => void sweepExpiring(db).then(() => sweepDigest(db)).catch(quiet);
  const sweep = setInterval(sweepAll, 60_000);
  sweepAll();
  return () => {
    clearInterval(deliver);
    clearInterval(sweep);
  };
}
