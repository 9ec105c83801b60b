// The server's configuration: one zod schema, each key with the environment
// variable and `serve` flag that set it (server/config/load-config.ts reads
// them; docs/operator.md lists them). Values arrive as text from the
// environment and flags, as JSON from a config file.
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A whole number from JSON or from text ("8787"); anything else stays as given so zod names it. */
const whole = (min: number, max: number) =>
  z.preprocess((v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v), z.number({ error: 'must be a whole number' }).int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

export const serverConfigSchema = z
  .object({
    port: whole(1, 65_535).default(8787),
    host: z.string().min(1, 'must not be empty').default('127.0.0.1'),
    dataDir: z.string().min(1, 'must not be empty').default('.baton-data/db'),
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a PostgreSQL connection URL (postgres://user:password@host:5432/database)')
      .optional(),
    workers: z.union([z.literal('auto'), whole(1, 256)], { error: 'must be a whole number of processes, or "auto" for one per core' }).default('auto'),
    rateLimit: whole(1, 10_000_000).default(1200),
    metricsToken: z.string().min(16, 'must be at least 16 characters (a random secret: openssl rand -hex 24)').optional(),
    metricsPort: whole(1, 65_535).optional(),
    logLevel: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    shutdownTimeout: whole(1, 3600).default(30),
  })
  .strict();

export type ServerConfig = z.infer<typeof serverConfigSchema>;
export type ConfigKey = keyof ServerConfig;

/** Where each key can be set, and what it means (for the error that names it). */
export const CONFIG_KEYS: Record<ConfigKey, { env: string; flag?: string; what: string }> = {
  port: { env: 'PORT', flag: '--port', what: 'the HTTP port (default 8787)' },
  host: { env: 'HOST', what: 'the address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)' },
  dataDir: { env: 'BATON_DATA_DIR', flag: '--data', what: 'the embedded database directory (default .baton-data/db), used when databaseUrl is unset' },
  databaseUrl: { env: 'DATABASE_URL', what: 'PostgreSQL instead of the embedded database' },
  workers: { env: 'BATON_WORKERS', flag: '--workers', what: 'server processes on PostgreSQL (default auto: one per core; always 1 on the embedded database)' },
  rateLimit: { env: 'BATON_RATE_LIMIT', what: 'requests a minute per token (default 1200)' },
  metricsToken: { env: 'BATON_METRICS_TOKEN', what: 'the bearer token GET /metrics asks for on the API port (unset: /metrics is off there)' },
  metricsPort: { env: 'BATON_METRICS_PORT', what: 'a second port serving only GET /metrics without a token, on the same host (for a scraper on a private network)' },
  logLevel: { env: 'BATON_LOG_LEVEL', what: 'the JSON log level (default info)' },
  shutdownTimeout: { env: 'BATON_SHUTDOWN_TIMEOUT', what: 'seconds to finish in-flight requests and jobs on SIGTERM before closing anyway (default 30)' },
};
