// A port already in use (a second `npm start`, or another program) is said as
// such, with how to choose another one — not an EADDRINUSE stack trace.
import { createServer } from 'node:net';
import { SetupError } from './setup-error';

/** `what`: the service ("the sync server"); `how`: how this command picks another port ("--port N or PORT=N"). */
export function portMessage(port: number, code: string, what: string, how: string): string {
  if (code === 'EADDRINUSE')
    return `port ${port} (${what}) is already in use: another Baton may be running (a second \`npm start\`?), or another program has it. Stop that one, or choose another port with ${how}.`;
  if (code === 'EACCES') return `port ${port} (${what}) needs privileges this user does not have. Choose a port above 1023 with ${how}.`;
  return `port ${port} (${what}) cannot be opened (${code}). Choose another port with ${how}.`;
}

/** Listen on the port and let go of it: a SetupError now rather than a crash after a long build. */
export function ensurePortFree(port: number, host: string, what: string, how: string): Promise<void> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', (e: NodeJS.ErrnoException) => fail(new SetupError(`port_${(e.code ?? 'unknown').toLowerCase()}`, portMessage(port, e.code ?? 'UNKNOWN', what, how))));
    s.listen(port, host, () => s.close(() => ok()));
  });
}
