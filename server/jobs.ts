// The server's periodic work: deliver due webhooks, queue notices for claims
// about to expire and the managers' daily digest, delete past rate counts.
// All are safe to run from several servers at once.
import type { Db } from './db/connect';
import { sweepDigest } from './claims/claim-digest';
import { sweepExpiring } from './claims/expiring-notices';
import { sweepRateLimits } from './http/rate-limit-sweep';
import { deliverDue } from './webhooks/outbox';

const DELIVER_EVERY_MS = 2_000;

/** Starts the jobs; the function returned stops them and resolves when the round under way (a webhook delivery) is done. */
export function startJobs(db: Db): () => Promise<void> {
  const quiet = () => undefined; // a failed round is retried on the next tick
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let round: Promise<unknown> = Promise.resolve();
  // One delivery round at a time: a round may wait for a robot's pace (a send
  // planned seconds ahead), and the next starts when it is done.
  const deliver = () => {
    timer = setTimeout(() => {
      round = deliverDue(db)
        .catch(quiet)
        .finally(() => !stopped && deliver());
    }, DELIVER_EVERY_MS);
  };
  deliver();
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweepAll = () =>
    void (sweeping = sweepExpiring(db)
      .then(() => sweepDigest(db))
      .then(() => sweepRateLimits(db))
      .catch(quiet));
  const sweep = setInterval(sweepAll, 60_000);
  sweepAll();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    clearInterval(sweep);
    await Promise.all([round, sweeping]);
  };
}
