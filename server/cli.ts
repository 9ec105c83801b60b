// `npm run server -- <command>`:
//   serve [--port N] [--data DIR] [--workers N|auto]   (also PORT, BATON_DATA_DIR, DATABASE_URL, BATON_WORKERS; default 8787, .baton-data/db, one process per core on PostgreSQL)
//   migrate
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

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    data: { type: 'string' },
    name: { type: 'string' },
    team: { type: 'string' },
    role: { type: 'string' },
    channel: { type: 'string' },
    department: { type: 'string' },
    user: { type: 'string' },
    label: { type: 'string' },
    id: { type: 'string' },
    workers: { type: 'string' },
  },
});

function die(msg: string): never {
  console.error(`error: ${msg}`);
  process.exit(2);
}

const num = (v: string | undefined, what: string) => {
  const n = Number(v);
  if (!v || !Number.isInteger(n) || n <= 0) die(`--${what} must be a positive integer`);
  return n;
};

async function open(): Promise<Database> {
  const dataDir = values.data ?? process.env.BATON_DATA_DIR ?? '.baton-data/db';
  try {
    if (!process.env.DATABASE_URL) checkDataDir(dataDir, '`npm run server -- <command> --data DIR` (or BATON_DATA_DIR=DIR)');
  } catch (e) {
    exitOnSetupError(e);
  }
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir }).catch(exitOnSetupError);
  await migrate(database);
  return database;
}

/** The HTTP server and the periodic jobs in this process, until SIGINT/SIGTERM. */
function serveHere(database: Database) {
  const port = Number(values.port ?? process.env.PORT ?? 8787);
  // BATON_RATE_LIMIT: requests a minute per token (default 1,200).
  const perMinute = Number(process.env.BATON_RATE_LIMIT);
  const app = createApp(database.db, Number.isInteger(perMinute) && perMinute > 0 ? { requestsPerMinute: perMinute } : {});
  // The app drains refused bodies itself (http/body-limit.ts); the adapter's own 500 ms drain would cut them off.
  const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '127.0.0.1', ...SERVE_OPTIONS }, () =>
    console.log(`Baton server on http://127.0.0.1:${port} (${database.kind})`),
  );
  server.on('error', (e: NodeJS.ErrnoException) => {
    void database.close();
    exitOnSetupError(new SetupError('port', portMessage(port, e.code ?? 'UNKNOWN', 'the sync server', '`npm run server -- serve --port N` (or PORT=N)')));
  });
  const stopJobs = startJobs(database.db);
  const stop = () => {
    stopJobs();
    server.close();
    void database.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const [cmd, sub] = positionals;
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
    const workers = workerCount(values.workers ?? process.env.BATON_WORKERS, database.kind === 'postgres');
    if (workers > 1 && isPrimaryProcess()) await database.close();
    runInWorkers(workers, () => serveHere(database));
  } else {
    die('commands: serve, migrate, team create, user add, token create, token revoke, demo');
  }
} finally {
  if (cmd !== 'serve') await database.close();
}
