// A local HTTP server that answers like a chat tool's webhook endpoint. Each
// tool's rules (./dingtalk, ./wecom, ./feishu, ./slack) are written from that
// tool's public documentation, not from Baton's code: they compute signatures
// themselves and answer with the documented codes and messages.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** A message the tool accepted, as its group would show it. */
export interface Shown {
  text: string;
  /** who got an @ notification, in the tool's own terms (mobile, user id, open_id, member id) */
  mentioned: string[];
}

export interface ImitationOptions {
  /** the robot's signing secret, if its security setting is signing */
  secret?: string;
  /** the robot's keywords, if its security setting is keywords */
  keywords?: string[];
  /** the tool's clock runs this much faster for windows and throttles (1: real time) */
  scale?: number;
  /** the robot was removed from its group / the webhook revoked */
  removed?: boolean;
}

export interface Imitation {
  url: string;
  shown: Shown[];
  /** every answer given, by its code ("0", "310000", "429"…) */
  answers: Map<string, number>;
  /** how many requests arrived */
  requests: number;
  close(): Promise<void>;
}

export type Handler = (req: { path: string; query: URLSearchParams; body: string; now: number }) => { answer: Answer; code: string; shown?: Shown };

/** A sliding-window counter: `limit` per `windowMs`, arrivals counted when accepted. */
export function windowCounter(limit: number, windowMs: number) {
  const times: number[] = [];
  return {
    over(now: number): boolean {
      while (times.length && times[0]! <= now - windowMs) times.shift();
      return times.length >= limit;
    },
    add(now: number) {
      times.push(now);
    },
  };
}

export async function serve(path: string, handler: Handler): Promise<Imitation> {
  const imitation = { shown: [] as Shown[], answers: new Map<string, number>(), requests: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      imitation.requests++;
      const u = new URL(req.url ?? '/', 'http://x');
      const { answer, code, shown } = handler({ path: u.pathname, query: u.searchParams, body: Buffer.concat(chunks).toString('utf8'), now: Date.now() });
      imitation.answers.set(code, (imitation.answers.get(code) ?? 0) + 1);
      if (shown) imitation.shown.push(shown);
      res.writeHead(answer.status, { 'content-type': answer.body.startsWith('{') ? 'application/json' : 'text/html', ...answer.headers }).end(answer.body);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(imitation, {
    url: `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  });
}

export const json = (status: number, v: unknown): Answer => ({ status, body: JSON.stringify(v) });

export function parse(body: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(body);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
