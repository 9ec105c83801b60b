// `npm run server -- <command>`:
//   serve [--port N] [--data DIR] [--workers N|auto] [--config FILE]   (settings: server/config/config-schema.ts, docs/operator.md)
//   migrate
//   backup FILE                               PostgreSQL: pg_dump; embedded: a dump of the data directory (asked of the running server)
//   restore FILE                              into a new database / data directory
//   team create --name NAME
//   user add --team ID --name NAME --role rep|csm|manager|admin [--channel direct|telesales|partner:NAME] [--department NAME]
//   token create --user ID [--label TEXT]     prints the token once
//   token revoke --id ID
//   demo                                      a demo team with one user of each role, tokens printed
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { createToken, revokeToken } from './auth/tokens';
import { openDatabase, type Database } from './db/connect';
import { migrate } from './db/migrate';
import { teams, users } from './db/schema';
import { createDemoTeam } from './demo-team';
import { createUserBodySchema } from '@/lib/sync/api-schemas';
import { startJobs } from './jobs';
import { isPrimaryProcess, runInWorkers, workerCount } from './processes';
import { placeIssues } from '@/lib/i18n/api-errors';
import { fromZod } from '@/lib/i18n/issues';
import { checkDataDir } from './setup/data-dir';
import { portMessage } from './setup/port';
import { exitOnSetupError, SetupError } from './setup/setup-error';
import { SERVE_OPTIONS } from './http/serve-options';
import type { Server } from 'node:net';
import { loadConfig } from './config/load-config';
import type { ServerConfig } from './config/config-schema';
import { createLogger, type Logger } from './log/logger';
import { onStopSignals } from './http/graceful-shutdown';
import { serveMetricsPort } from './metrics/serve-metrics';
import { listenForBackups } from './backup/backup-socket';
import { ensureDataDirFree } from './setup/data-dir-free';
import { backupCommand, restoreCommand } from './backup/commands';

/** Every option of every command takes a value (`--port 8787`); which command reads which is in usage(). */
const OPTIONS = ['port', 'data', 'name', 'team', 'role', 'channel', 'department', 'user', 'label', 'id', 'workers', 'config'] as const;
const valued = Object.fromEntries(OPTIONS.map((o) => [o, { type: 'string' }])) as Record<(typeof OPTIONS)[number], { type: 'string' }>;

const { positionals, values } = parseArgs({ allowPositionals: true, options: valued });

function die(msg: string): never {
  console.error(`error: ${msg}`);
  process.exit(2);
}

const num = (v: string | undefined, what: string) => {
  const n = Number(v);
  if (!v || !Number.isInteger(n) || n <= 0) die(`--${what} must be a positive integer`);
  return n;
};

let config: ServerConfig;
try {
  config = loadConfig(values, process.env);
} catch (e) {
  exitOnSetupError(e);
}

let backups: Server | null = null;

async function open(): Promise<Database> {
  try {
    if (!config.databaseUrl) checkDataDir(config.dataDir, '`npm run server -- <command> --data DIR` (or BATON_DATA_DIR=DIR)');
  } catch (e) {
    exitOnSetupError(e);
  }
  if (!config.databaseUrl) await ensureDataDirFree(config.dataDir).catch(exitOnSetupError);
  const opening = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  // A server on the embedded database answers backup requests from the start (backup/backup-socket.ts).
  if (positionals[0] === 'serve' && !config.databaseUrl) backups = listenForBackups(opening, config.dataDir);
  const database = await opening.catch(exitOnSetupError);
  await migrate(database);
  return database;
}

/** The HTTP server, the jobs and (embedded database) the backup socket in this process, until SIGINT/SIGTERM. */
function serveHere(database: Database, logger: Logger) {
  const { port, host } = config;
  const lifecycle = { stopping: false };
  const app = createApp(database.db, { requestsPerMinute: config.rateLimit, logger, metricsToken: config.metricsToken, lifecycle });
  // The app drains refused bodies itself (http/body-limit.ts); the adapter's own 500 ms drain would cut them off.
  const server = serve({ fetch: app.fetch, port, hostname: host, ...SERVE_OPTIONS }, () => {
    logger.info({ port, host, database: database.kind }, 'listening');
    console.log(`Baton server on http://${host}:${port} (${database.kind})`);
  });
  server.on('error', (e: NodeJS.ErrnoException) => {
    void database.close();
    exitOnSetupError(new SetupError('port', portMessage(port, e.code ?? 'UNKNOWN', 'the sync server', '`npm run server -- serve --port N` (or PORT=N)')));
  });
  const servers: Server[] = [server];
  if (backups) servers.push(backups);
  if (config.metricsPort && isPrimaryProcess()) servers.push(serveMetricsPort(config.metricsPort, host, false, metricsPortError));
  onStopSignals({ servers, lifecycle, stopJobs: startJobs(database.db), database, timeoutMs: config.shutdownTimeout * 1000, logger });
}

function metricsPortError(e: NodeJS.ErrnoException): never {
  exitOnSetupError(new SetupError('port', portMessage(config.metricsPort!, e.code ?? 'UNKNOWN', 'the metrics port', 'BATON_METRICS_PORT=N')));
}

const [cmd, sub] = positionals;
if (cmd === 'backup' || cmd === 'restore') {
  if (!sub) die(`${cmd} FILE: name the backup file`);
  try {
    console.log(await (cmd === 'backup' ? backupCommand : restoreCommand)(config, sub));
    process.exit(0);
  } catch (e) {
    exitOnSetupError(e);
  }
}
const database = await open();
try {
  if (cmd === 'migrate') {
    console.log('migrated');
  } else if (cmd === 'team' && sub === 'create') {
    if (!values.name) die('--name is required');
    const [t] = await database.db.insert(teams).values({ name: values.name }).returning();
    console.log(JSON.stringify({ team: t!.id }));
  } else if (cmd === 'user' && sub === 'add') {
    const parsed = createUserBodySchema.safeParse({ name: values.name, role: values.role, ...(values.channel ? { channel: values.channel } : {}), ...(values.department ? { department: values.department } : {}) });
    if (!parsed.success) die(placeIssues(fromZod(parsed.error), 'en', 'user').map((i) => i.text).join('; '));
    const [u] = await database.db
      .insert(users)
      .values({ teamId: num(values.team, 'team'), name: parsed.data.name, role: parsed.data.role, channel: parsed.data.channel ?? (parsed.data.role === 'rep' ? 'direct' : null), department: parsed.data.department ?? null })
      .returning();
    console.log(JSON.stringify({ user: u!.id }));
  } else if (cmd === 'token' && sub === 'create') {
    const t = await createToken(database.db, num(values.user, 'user'), values.label ?? '');
    console.log(JSON.stringify({ id: t.id, token: t.token }));
  } else if (cmd === 'token' && sub === 'revoke') {
    console.log(JSON.stringify({ revoked: await revokeToken(database.db, num(values.id, 'id')) }));
  } else if (cmd === 'demo') {
    console.log(JSON.stringify(await createDemoTeam(database), null, 2));
  } else if (cmd === 'serve') {
    // Every core by default on PostgreSQL (--workers N or BATON_WORKERS=N|auto); one process on PGlite.
    const workers = workerCount(String(config.workers), database.kind === 'postgres');
    const logger = createLogger(config.logLevel);
    if (workers > 1 && isPrimaryProcess()) {
      await database.close();
      // The primary answers the metrics port for all workers (metrics/serve-metrics.ts).
      if (config.metricsPort) serveMetricsPort(config.metricsPort, config.host, true, metricsPortError);
    }
    runInWorkers(workers, () => serveHere(database, logger));
  } else {
    die('commands: serve, migrate, backup FILE, restore FILE, team create, user add, token create, token revoke, demo');
  }
} finally {
  if (cmd !== 'serve') await database.close();
}
