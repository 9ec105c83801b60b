// A problem with how Baton was started (a data directory it cannot write, a
// port already taken, no display for --open): said as what to do, in one
// paragraph, without a stack trace or a library's raw error object.
export class SetupError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Print a SetupError as it is and exit 1; anything else is a bug and keeps its stack. */
export function exitOnSetupError(e: unknown): never {
  if (e instanceof SetupError) {
    console.error(`\nBaton cannot start: ${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
