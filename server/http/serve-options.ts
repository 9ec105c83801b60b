// How every Baton server listens (server/cli.ts, npm start, the tests' and
// benches' servers): Node's adapter must not drain a refused body with its own
// 500 ms timer and then destroy the socket — body-limit.ts drains it, and the
// adapter's cleanup racing it closed keep-alive connections under the next
// request ("other side closed", seen in the bad-input drill).
/** Options spread into @hono/node-server's serve(). */
export const SERVE_OPTIONS = { autoCleanupIncoming: false } as const;
