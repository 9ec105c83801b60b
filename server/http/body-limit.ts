// Request bodies over the limit: a clean 413, never a reset. Closing a
// connection while the client is still sending makes the kernel reset it, and
// a client that reads the answer only after sending loses the 413 (issue 14:
// seen under load). So the rest of a refused body is read and dropped, and the
// connection stays usable; only a body past DRAIN_BYTES, or still arriving
// after DRAIN_MS, is cut off. The server must not drain with its own shorter
// timer (every server listens with server/http/serve-options.ts).
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors';

const DRAIN_BYTES = 64 * 1024 * 1024;
const DRAIN_MS = 30_000;

/** Reads and drops the rest of a refused body, in the background, within the bounds above. */
function discard(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  const until = Date.now() + DRAIN_MS;
  let bytes = 0;
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      bytes += value.byteLength;
      if (bytes > DRAIN_BYTES || Date.now() > until) return void (await reader.cancel());
    }
  })().catch(() => undefined);
}

/** At most `maxBytes` of body (bytes), declared or counted while reading; more is a 413 `too_large`. */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = (reader: ReadableStreamDefaultReader<Uint8Array>) => {
    discard(reader);
    return new ApiError(413, 'too_large', `The body is larger than ${maxBytes} bytes.`);
  };
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && !c.req.header('transfer-encoding') && Number(declared) > maxBytes) throw tooLarge(body.getReader());
    // Every accepted body is read whole here, even one a route then ignores:
    // a body left unread on a kept-alive connection (the adapter does not
    // clean it up, see serve-options.ts) reset the connection.
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge(reader);
      chunks.push(value);
    }
    c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks) });
    return next();
  };
}
