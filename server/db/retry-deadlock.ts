// PostgreSQL aborts one side of a deadlock (40P01) or a serialization
// failure (40001); neither is the caller's fault. Concurrent claims of one
// customer insert overlapping keys under an exclusion constraint and can
// deadlock; the retry then meets the winner's keys and answers "already
// claimed" (seen as a stray error in the 60-claim race test).
function isRetryable(e: unknown): boolean {
  for (let x: unknown = e; x; x = (x as { cause?: unknown }).cause) {
    const code = (x as { code?: string }).code;
    if (code === '40P01' || code === '40001') return true;
  }
  return false;
}

/** Runs `work` (one whole transaction) again when PostgreSQL aborted it as a deadlock or serialization victim; at most `attempts` times. */
export async function retryDeadlock<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (e) {
      if (i >= attempts || !isRetryable(e)) throw e;
      await new Promise((ok) => setTimeout(ok, 5 + Math.random() * 20 * i));
    }
  }
}
