// Request bodies over the limit: a clean 413, never a reset. Closing a
// connection while the client is still sending makes the kernel reset it, and
// a client that reads the answer only after sending loses the 413 (issue 14:
// seen under load). So the rest of a refused body is read and dropped, and the
// connection stays usable; only a body past DRAIN_BYTES, or still arriving
// after DRAIN_MS, is cut off. The server must not drain with its own shorter
// timer (every server listens with server/http/serve-options.ts).
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from './errors';

const DRAIN_BYTES = 64 * 1024 * 1024;
const DRAIN_MS = 30_000;

/** A body's bytes as they arrive, and how to drop the rest of them. */
interface BodySource {
  next(): Promise<Uint8Array | null>;
  /** reads and drops the rest in the background, within the bounds above, then cuts it off */
  discard(): void;
}

/** Node's own request stream (the server): no web Request is built for it (issue 14: two a request, a tenth of its CPU). */
function fromIncoming(incoming: IncomingMessage): BodySource {
  const chunks = incoming[Symbol.asyncIterator]();
  return {
    next: async () => {
      const r = await chunks.next();
      return r.done ? null : (r.value as Buffer);
    },
    discard() {
      const until = Date.now() + DRAIN_MS;
      let bytes = 0;
      const drop = (c: Buffer) => {
        bytes += c.byteLength;
        if (bytes > DRAIN_BYTES || Date.now() > until) incoming.destroy();
      };
      // The iterator holds the stream paused; reading on through it drops each chunk.
      void (async () => {
        for (let r = await chunks.next(); !r.done; r = await chunks.next()) drop(r.value as Buffer);
      })().catch(() => undefined);
    },
  };
}

/** The web stream of a Request (app.request in tests, other runtimes). */
function fromStream(reader: ReadableStreamDefaultReader<Uint8Array>): BodySource {
  return {
    next: async () => {
      const r = await reader.read();
      return r.done ? null : r.value;
    },
    discard() {
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
    },
  };
}

/** True when Node's request carries a body (RFC 9112 §6.1: only Content-Length or Transfer-Encoding announces one). */
function hasBody(c: Context): boolean {
  const length = c.req.header('content-length');
  return c.req.header('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
}

/** At most `maxBytes` of body (bytes), declared or counted while reading; more is a 413 `too_large`. */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = (source: BodySource) => {
    source.discard();
    return new ApiError(413, 'too_large', `The body is larger than ${maxBytes} bytes.`);
  };
  return async (c, next) => {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    // Asking a web Request for its body builds it: Node's request is asked by its headers.
    if (incoming ? !hasBody(c) : !c.req.raw.body) return next();
    const body = incoming ? null : c.req.raw.body;
    const source = incoming ? fromIncoming(incoming) : fromStream(body!.getReader());
    const declared = c.req.header('content-length');
    if (declared !== undefined && !c.req.header('transfer-encoding') && Number(declared) > maxBytes) throw tooLarge(source);
    // Every accepted body is read whole here, even one a route then ignores:
    // a body left unread on a kept-alive connection (the adapter does not
    // clean it up, see serve-options.ts) reset the connection.
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (let chunk = await source.next(); chunk; chunk = await source.next()) {
      size += chunk.byteLength;
      if (size > maxBytes) throw tooLarge(source);
      chunks.push(chunk);
    }
    // Node's adapter reads a body it finds here (rawBody) as the request's own.
    if (incoming) Object.assign(incoming, { rawBody: Buffer.concat(chunks) });
    else c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks) });
    return next();
  };
}
