// The OpenAPI document against the app's real routes (issue 13, item 5): every
// route the Hono app registers is documented, and every documented operation is
// a registered route (method and path). A route added without its document
// entry, or a document entry left behind, fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/server/db/connect';
import { createApp } from '@/server/app';
import { openApiDocument } from '@/server/routes/openapi';
import { freshDatabase } from '../harness/backends';

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** "/v1/packets/:key/submit" → "/v1/packets/{key}/submit", the OpenAPI spelling. */
const openApiPath = (honoPath: string) => honoPath.replace(/:(\w+)/g, '{$1}');

describe('OpenAPI document', () => {
  let database: Database;
  let registered: string[];
  let documented: string[];

  beforeAll(async () => {
    database = await freshDatabase('pglite');
    // Middleware (app.use: method ALL) and the CORS pre-flight (OPTIONS *) are not API routes.
    registered = [
      ...new Set(
        createApp(database.db)
          .routes.filter((r) => METHODS.has(r.method))
          .map((r) => `${r.method} ${openApiPath(r.path)}`),
      ),
    ].sort();
    documented = Object.entries(openApiDocument().paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
  });
  afterAll(() => database?.close());

  it('the app registers routes and the document lists operations', () => {
    expect(registered.length).toBeGreaterThan(10);
    expect(documented.length).toBeGreaterThan(10);
  });

  it('documents every route the app serves', () => {
    expect(registered.filter((r) => !documented.includes(r))).toEqual([]);
  });

  it('documents no route the app does not serve', () => {
    expect(documented.filter((d) => !registered.includes(d))).toEqual([]);
  });

});
