// Reads the server's configuration from `serve` flags, the environment and an
// optional JSON file (--config FILE or BATON_CONFIG=FILE), in that order of
// precedence, and validates it before anything starts. A bad value is named
// with where it came from, what is wrong and what it is for — a SetupError,
// never a stack trace.
import { readFileSync } from 'node:fs';
import { SetupError } from '../setup/setup-error';
import { CONFIG_KEYS, serverConfigSchema, type ConfigKey, type ServerConfig } from './config-schema';

/** Keys whose values are never echoed back in an error (a password in the URL, a token). */
const SECRET: ReadonlySet<ConfigKey> = new Set(['databaseUrl', 'metricsToken']);
const KEYS = Object.keys(CONFIG_KEYS) as ConfigKey[];

function readFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SetupError('config', `the config file ${file} (--config FILE or BATON_CONFIG) cannot be read: ${code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission denied' : code}. Check the path, or leave it out to configure by environment variables only.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new SetupError('config', `the config file ${file} is not valid JSON (${(e as Error).message}). It holds one object, e.g. {"port": 8787, "databaseUrl": "postgres://…"}.`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new SetupError('config', `the config file ${file} must hold one JSON object of settings, e.g. {"port": 8787}.`);
  return data as Record<string, unknown>;
}

/**
 * The validated configuration. `flags`: the `serve` command's options (port, data, workers, config);
 * `env`: process.env. Throws SetupError('config') listing every problem.
 */
export function loadConfig(flags: Record<string, string | boolean | undefined>, env: NodeJS.ProcessEnv): ServerConfig {
  const file = (typeof flags.config === 'string' && flags.config) || env.BATON_CONFIG || undefined;
  const fromFile = file ? readFile(file) : {};
  const raw: Record<string, unknown> = { ...fromFile };
  const origin: Record<string, string> = Object.fromEntries(Object.keys(fromFile).map((k) => [k, `key "${k}" in ${file}`]));
  for (const key of KEYS) {
    const { env: name, flag } = CONFIG_KEYS[key];
    const flagValue = flag ? flags[flag.slice(2)] : undefined;
    if (typeof flagValue === 'string') {
      raw[key] = flagValue;
      origin[key] = flag!;
    } else if (env[name] !== undefined && env[name] !== '') {
      raw[key] = env[name];
      origin[key] = name;
    }
  }
  const parsed = serverConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => `key "${k}" in ${file} is not a setting; the settings are ${KEYS.join(', ')}.`);
    const key = issue.path[0] as ConfigKey;
    const shown = SECRET.has(key) ? '' : ` is ${JSON.stringify(raw[key])}`;
    const where = origin[key] ?? key;
    return [`${where}${shown}: ${issue.message} — ${CONFIG_KEYS[key]?.what ?? key}. Correct it, or remove it for the default.`];
  });
  throw new SetupError('config', `the configuration has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n  - ${problems.join('\n  - ')}`);
}
