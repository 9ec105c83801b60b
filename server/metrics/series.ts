// The Prometheus series the server exports (prom-client, its default
// registry, so node:cluster workers can be aggregated by the primary:
// metrics/serve-metrics.ts). Names and what they count: docs/operator.md.
import { collectDefaultMetrics, Counter, Histogram, register } from 'prom-client';

collectDefaultMetrics({ prefix: 'baton_' });

export const httpRequests = new Counter({
  name: 'baton_http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
});

export const httpDuration = new Histogram({
  name: 'baton_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method and route pattern',
  labelNames: ['method', 'route'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

export const webhookFailures = new Counter({
  name: 'baton_webhook_failures_total',
  help: 'Webhook sends that failed: outcome "retry" (will be tried again) or "failed" (given up)',
  labelNames: ['kind', 'outcome'] as const,
});

export { register };
