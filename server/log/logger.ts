// Structured JSON logs (pino): one object a line on stdout, for journald, a
// container runtime or a log shipper. What is logged is chosen field by field
// (http/request-log.ts: request id, method, route pattern, status, time) —
// never a token, an email, a phone number, a name or packet contents. The
// redaction list below is a second guard for a field someone adds later.
import { destination, pino, stdTimeFunctions, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

const PERSONAL = ['authorization', 'token', 'email', 'phone', 'name', 'body', 'password', 'secret', 'url', 'databaseUrl', 'metricsToken'];

/** A logger at `level` writing JSON lines to `destination` (stdout by default). */
export function createLogger(level: LevelWithSilent, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: stdTimeFunctions.isoTime,
      redact: { paths: [...PERSONAL, ...PERSONAL.map((k) => `*.${k}`)], censor: '[redacted]' },
    },
    // Written off the request path (issue 14: a synchronous write a request
    // line was a fifth of an empty request's CPU): lines logged while a write
    // is under way go out together with the next one. pino writes what is
    // still buffered synchronously when the process exits.
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

let errorsOnly: Logger | null = null;
/** The logger of an app given none (tests, tools): errors only, to stderr. */
export const defaultLogger = (): Logger => (errorsOnly ??= createLogger('error', destination(2)));
