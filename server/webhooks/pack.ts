// Which notices go out together. Each one alone while the robot's budget for
// the minute covers them all; when more are due than the budget allows, they
// are collapsed into digests, so a burst arrives in a few messages rather
// than trickling out over many minutes.
import type { ChatMessage, ChatProvider, Mention } from './providers/types';
import type { StoredNotice } from './outbox';

/** The most notices one digest message holds. */
export const DIGEST_MAX = 10;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

export function noticeMessage(n: StoredNotice): ChatMessage {
  return { title: n.title, lines: n.lines, ...(n.url ? { url: n.url } : {}), mentions: n.mentions };
}

function mergeMentions(all: Mention[][]): Mention[] {
  const seen = new Map<string, Mention>();
  for (const m of all.flat()) seen.set(JSON.stringify([m.name, m.chat]), m);
  return [...seen.values()];
}

/** One message for several notices: a line each (title, first detail, link). */
export function digestMessage(ns: StoredNotice[]): ChatMessage {
  const line = (n: StoredNotice) => [n.title, n.lines[0], n.url].filter(Boolean).join(' — ').slice(0, 300);
  return { title: `Baton: ${ns.length} notices`, lines: ns.map(line), mentions: mergeMentions(ns.map((n) => n.mentions)) };
}

const contentBytes = (m: ChatMessage) => bytes([m.title, ...m.lines, m.url ?? ''].join('\n'));

/**
 * Groups `due` (oldest first) into at most `budget` messages. Notices that do
 * not fit stay out (they wait for the next round). Returns index groups into `due`.
 */
export function pack(due: StoredNotice[], budget: number, provider: ChatProvider): number[][] {
  if (budget <= 0) return [];
  if (due.length <= budget) return due.map((_, i) => [i]);
  const per = Math.min(DIGEST_MAX, Math.ceil(due.length / budget));
  const groups: number[][] = [];
  let i = 0;
  while (groups.length < budget && i < due.length) {
    const g = [i++];
    while (g.length < per && i < due.length && contentBytes(digestMessage([...g, i].map((k) => due[k]!))) <= provider.maxContentBytes) g.push(i++);
    groups.push(g);
  }
  return groups;
}
