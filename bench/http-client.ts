// The server benches' HTTP client: node:http on kept-alive connections. The
// client shares the machine's cores with the server and PostgreSQL; fetch
// (undici) spent about three times the server's CPU per request on an empty
// route (1,159 vs 340 health requests/s from 50 clients in one run), so it
// measured the client more than the server.
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

export interface Answer {
  status: number;
  text: string;
}

/** One request; the whole answer body as text. Rejects on a network error, never on a status. */
export function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { ...init.headers, ...(init.body !== undefined ? { 'content-length': String(Buffer.byteLength(init.body)) } : {}) };
    const req = http.request(url, { method: init.method ?? 'GET', headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}
