// An upload that takes its time, as a slow network sends it: the test of
// oversized bodies and the bench of them under load (bench/oversized-body.bench.ts).
import http from 'node:http';

export interface UploadOutcome {
  status?: number;
  body?: string;
  /** a socket error seen on the way, or 'closed while sending' */
  error?: string;
}

/**
 * Sends `bytes` in 64 KiB chunks with a pause between them. Resolves once the
 * answer is read and the whole body was sent, with the status, the answer and
 * any socket error seen on the way (a reset after the answer counts: a client
 * that reads only after sending would have lost it).
 */
export function slowUpload(port: number, token: string, bytes: number, declare: boolean, pauseMs: number): Promise<UploadOutcome> {
  return new Promise((done) => {
    const out: UploadOutcome = {};
    let answered = false;
    let sentAll = false;
    const settle = () => answered && sentAll && done(out);
    const fail = (e: NodeJS.ErrnoException) => {
      out.error ??= e.code ?? e.message;
      done(out);
    };
    const headers: Record<string, string | number> = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    if (declare) headers['content-length'] = bytes;
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/sync/push', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => {
        Object.assign(out, { status: res.statusCode!, body });
        answered = true;
        settle();
      });
      res.on('error', fail);
    });
    req.on('error', fail);
    // Closed by the server while the body was still going out: the reset the client must never see.
    req.on('close', () => !sentAll && fail(Object.assign(new Error('closed while sending'), { code: 'closed while sending' })));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const next = () => {
      if (req.destroyed) return;
      if (sent >= bytes) {
        req.end(() => {
          sentAll = true;
          settle();
        });
        return;
      }
      const n = Math.min(chunk.length, bytes - sent);
      sent += n;
      req.write(chunk.subarray(0, n));
      setTimeout(next, pauseMs);
    };
    next();
  });
}
