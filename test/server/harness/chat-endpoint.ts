// A local OpenAI-compatible chat-completions endpoint on a real port, for the
// drafting tests: it records each request and answers what the test tells it
// to (a completion's text, a status, or a page that is not JSON). It stands in
// for the team's model server: the request and answer handling are real, the
// model is not (no model can run on this machine; see README "Drafting").
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Reply = { text: string; model?: string } | { status: number } | { raw: string };

export interface ChatEndpoint {
  /** base address, as an admin sets it: http://127.0.0.1:<port>/v1 */
  base: string;
  requests: { path: string; headers: IncomingHttpHeaders; body: unknown }[];
  reply(next: Reply): void;
  close(): Promise<void>;
}

export async function startChatEndpoint(): Promise<ChatEndpoint> {
  let next: Reply = { text: '{}' };
  const requests: ChatEndpoint['requests'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') });
      if ('status' in next) return void res.writeHead(next.status, { 'content-type': 'application/json' }).end('{"error":{"message":"no"}}');
      if ('raw' in next) return void res.writeHead(200, { 'content-type': 'text/html' }).end(next.raw);
      const answer = { id: 'c1', object: 'chat.completion', model: next.model ?? 'test-model', choices: [{ index: 0, message: { role: 'assistant', content: next.text }, finish_reason: 'stop' }] };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/v1`,
    requests,
    reply: (r) => void (next = r),
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
