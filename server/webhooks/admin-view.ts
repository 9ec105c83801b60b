// What admins see of the team's chat robots: each with its last delivery and
// its failed notices, showing the tool's own message. Never the secret, and
// the URL masked (its token is a credential: anyone holding it can post).
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/connect';
import { webhookOutbox, webhooks } from '../db/schema';

type Hook = typeof webhooks.$inferSelect;

const mask = (s: string) => (s.length <= 6 ? '…' : `${s.slice(0, 4)}…`);

/** The URL with its token parts shortened: host and path shape stay recognisable. */
export function maskedUrl(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname
      .split('/')
      .map((seg) => (seg.length > 12 ? mask(seg) : seg))
      .join('/');
    const q = [...u.searchParams.entries()].map(([k, v]) => `${k}=${mask(v)}`).join('&');
    return `${u.protocol}//${u.host}${path}${q ? `?${q}` : ''}`;
  } catch {
    return '…';
  }
}

export interface WebhookView {
  id: number;
  kind: Hook['kind'];
  name: string;
  url: string;
  hasSecret: boolean;
  keyword: string | null;
  createdAt: string;
  lastDeliveredAt: string | null;
  pending: number;
  failedCount: number;
  failures: { id: number; at: string; title: string; message: string }[];
}

export const FAILURES_SHOWN = 20;

export async function webhookView(db: Db, h: Hook): Promise<WebhookView> {
  const [stats] = await db
    .select({
      last: sql<string | null>`max(${webhookOutbox.deliveredAt})`,
      pending: sql<number>`count(*) FILTER (WHERE ${webhookOutbox.deliveredAt} IS NULL AND ${webhookOutbox.failedAt} IS NULL)::int`,
      failed: sql<number>`count(*) FILTER (WHERE ${webhookOutbox.failedAt} IS NOT NULL)::int`,
    })
    .from(webhookOutbox)
    .where(eq(webhookOutbox.webhookId, h.id));
  const failed = await db
    .select({ id: webhookOutbox.id, at: webhookOutbox.failedAt, body: webhookOutbox.body, message: webhookOutbox.lastError })
    .from(webhookOutbox)
    .where(and(eq(webhookOutbox.webhookId, h.id), isNotNull(webhookOutbox.failedAt)))
    .orderBy(desc(webhookOutbox.failedAt), desc(webhookOutbox.id))
    .limit(FAILURES_SHOWN);
  const last = stats?.last ? new Date(stats.last).toISOString() : null;
  return {
    id: h.id,
    kind: h.kind,
    name: h.name,
    url: maskedUrl(h.url),
    hasSecret: !!h.secret,
    keyword: h.keyword,
    createdAt: h.createdAt.toISOString(),
    lastDeliveredAt: last,
    pending: stats?.pending ?? 0,
    failedCount: stats?.failed ?? 0,
    failures: failed.map((f) => ({ id: f.id, at: f.at!.toISOString(), title: String((f.body as { title?: unknown }).title ?? ''), message: f.message ?? '' })),
  };
}

export async function teamWebhooks(db: Db, teamId: number): Promise<WebhookView[]> {
  const hooks = await db.select().from(webhooks).where(and(eq(webhooks.teamId, teamId), isNull(webhooks.removedAt))).orderBy(webhooks.id).limit(50);
  return Promise.all(hooks.map((h) => webhookView(db, h)));
}
