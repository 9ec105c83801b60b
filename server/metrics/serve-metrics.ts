// The metrics port (BATON_METRICS_PORT): GET /metrics only, without a token,
// for a scraper on a private network. With several worker processes the
// primary listens and answers for all of them (prom-client's cluster
// aggregation: counts summed, outbox gauges by max), so one scrape sees the
// whole server.
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { AggregatorRegistry } from 'prom-client';
import { SERVE_OPTIONS } from '../http/serve-options';
import { metricsRoute } from '../routes/metrics';

export function serveMetricsPort(port: number, hostname: string, clustered: boolean, onError: (e: NodeJS.ErrnoException) => void): Server {
  const aggregate = clustered ? new AggregatorRegistry() : null;
  const app = new Hono().route('/', metricsRoute(null, aggregate ? () => aggregate.clusterMetrics() : undefined));
  const server = serve({ fetch: app.fetch, port, hostname, ...SERVE_OPTIONS }) as Server;
  server.on('error', onError);
  return server;
}
