// The route a request is counted and logged under: the pattern of the
// endpoint it matched (/v1/packets/:key), also when a middleware answered
// first (401, 429, 413); "unmatched" for a path no endpoint serves. Never the
// raw path: deal keys and customer names would be a label value per record.
import type { Context } from 'hono';
import { matchedRoutes } from 'hono/route';

export function routeLabel(c: Context): string {
  const routes = matchedRoutes(c);
  for (let i = routes.length - 1; i >= 0; i--) if (routes[i]!.method !== 'ALL') return routes[i]!.path;
  return 'unmatched';
}
