// The server's periodic work: deliver due webhooks, queue notices for claims
// about to expire and the managers' daily digest. All are safe to run from
// several servers at once.
import type { Db } from './db/connect';
import { sweepDigest } from './claims/claim-digest';
import { sweepExpiring } from './claims/expiring-notices';
import { deliverDue } from './webhooks/outbox';

const DELIVER_EVERY_MS = 2_000;

export function startJobs(db: Db): () => void {
  const quiet = () => undefined; // a failed round is retried on the next tick
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // One delivery round at a time: a round may wait for a robot's pace (a send
  // planned seconds ahead), and the next starts when it is done.
  const deliver = () => {
    timer = setTimeout(() => {
      void deliverDue(db)
        .catch(quiet)
        .finally(() => !stopped && deliver());
    }, DELIVER_EVERY_MS);
  };
  deliver();
  const sweepAll = () => void sweepExpiring(db).then(() => sweepDigest(db)).catch(quiet);
  const sweep = setInterval(sweepAll, 60_000);
  sweepAll();
  return () => {
    stopped = true;
    clearTimeout(timer);
    clearInterval(sweep);
  };
}
