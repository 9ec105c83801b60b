// Team settings every open sidebar re-reads at each sync (the checklist
// template, the engagement policy, the claim policy): answered with an ETag,
// a hash of the body, and 304 with no body when If-None-Match names the
// version the client already has (issue 14). "private, no-cache": a cache may
// keep the answer, it is one team's, and must ask the server every time.
import type { MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';

const tagged = etag();

export const revalidated: MiddlewareHandler = async (c, next) => {
  await tagged(c, next);
  c.res.headers.set('Cache-Control', 'private, no-cache'); // not c.header(): see app.ts
};
