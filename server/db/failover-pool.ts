// A node-postgres pool that follows a failover: new connections go to the host
// that last served one; a host that refuses, times out, or does not match
// target_session_attrs (a standby not yet promoted) passes the turn to the
// next listed host, and one checkout tries each host once before it fails.
// Connections to a host that died break with it and are discarded, so the
// pool refills on whichever host is writable now. Why not another driver:
// README "PostgreSQL with high availability".
import pg from 'pg';
import type { DatabaseTarget } from './database-url';

/** Which listed host new connections try first; shared by every connection of one pool. */
class HostTurn {
  current = 0;
  /** failed connection attempts so far (any host) */
  misses = 0;
  constructor(readonly count: number) {}
  /** Host `i` failed: the next host gets the turn, unless a concurrent attempt has moved it already. */
  miss(i: number) {
    this.misses++;
    if (this.current === i) this.current = (i + 1) % this.count;
  }
}

/** The role check libpq does for target_session_attrs, in one round trip. */
async function acceptable(client: pg.Client, attrs: DatabaseTarget['sessionAttrs']): Promise<boolean> {
  if (attrs === 'any') return true;
  const r = await client.query<{ ro: string; recovery: boolean }>(`SELECT current_setting('transaction_read_only') AS ro, pg_is_in_recovery() AS recovery`);
  const row = r.rows[0]!;
  return attrs === 'primary' ? !row.recovery : row.ro === 'off';
}

function clientOnTurn(target: DatabaseTarget, turn: HostTurn): typeof pg.Client {
  return class HostClient extends pg.Client {
    readonly hostIndex: number;
    constructor(config: pg.ClientConfig) {
      const i = turn.current;
      super({ ...config, connectionString: target.hosts[i]!.url });
      this.hostIndex = i;
    }
    override connect(): Promise<pg.Client>;
    override connect(callback: (err: Error) => void): void;
    override connect(callback?: (err: Error) => void): Promise<pg.Client> | void {
      const done = this.connectAcceptable();
      if (!callback) return done;
      done.then(() => callback(undefined as unknown as Error), callback);
    }
    private async connectAcceptable(): Promise<pg.Client> {
      try {
        await super.connect();
        if (!(await acceptable(this, target.sessionAttrs))) {
          await this.end().catch(() => undefined);
          // SQLSTATE 08001 (cannot establish connection): the server answers 503, the client retries.
          throw Object.assign(new Error(`${target.hosts[this.hostIndex]!.label} does not take writes (target_session_attrs=${target.sessionAttrs}); trying the next host`), { code: '08001' });
        }
        return this;
      } catch (e) {
        turn.miss(this.hostIndex);
        throw e;
      }
    }
  };
}

type Checkout = pg.PoolClient & { __batonBeginGuard?: true };

/**
 * drizzle-orm 0.45's node-postgres transaction() sends BEGIN before its
 * try/finally, so a BEGIN that fails (the database went away under a
 * checked-out connection) never releases the connection: each outage could
 * shrink the pool for good (found by test/drills/database-down.test.ts). This
 * releases such a connection, with the error so pg discards it.
 */
function releaseOnFailedBegin(c: pg.PoolClient): pg.PoolClient {
  const client = c as Checkout;
  if (client.__batonBeginGuard) return client;
  client.__batonBeginGuard = true;
  const query = client.query.bind(client) as (...a: unknown[]) => unknown;
  (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const result = query(...args);
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
    if (result instanceof Promise && typeof text === 'string' && /^\s*begin\b/i.test(text)) {
      result.catch((err: unknown) => client.release(err instanceof Error ? err : new Error(String(err))));
    }
    return result;
  };
  return client;
}

type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

export class FailoverPool extends pg.Pool {
  private readonly turn: HostTurn;

  /** `options.connectionTimeoutMillis` bounds each host's attempt; a checkout tries at most every host once. */
  constructor(target: DatabaseTarget, options: Omit<pg.PoolConfig, 'connectionString' | 'Client'>) {
    const turn = new HostTurn(target.hosts.length);
    super({ ...options, connectionString: target.hosts[0]!.url, Client: clientOnTurn(target, turn) });
    this.turn = turn;
  }

  override async connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    const checkout = this.checkout();
    if (!callback) return checkout;
    // pool.query() checks out through this callback form: same failover.
    checkout.then(
      (c) => callback(undefined, c, (err) => c.release(err as Error | boolean | undefined)),
      (e: Error) => callback(e, undefined, () => undefined),
    );
  }

  private async checkout(): Promise<pg.PoolClient> {
    for (let attempt = 1; ; attempt++) {
      const misses = this.turn.misses;
      try {
        return releaseOnFailedBegin(await super.connect());
      } catch (e) {
        // Only a host that failed (not a full pool) is worth trying the next one for.
        if (attempt >= this.turn.count || this.turn.misses === misses) throw e;
      }
    }
  }
}
