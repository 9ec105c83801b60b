// Proof that a sidebar frame was mounted by Baton's own content script in
// that tab (issue 18). The content script asks for a one-time nonce bound to
// its tab, its document and its origin, and posts it to its own iframe's
// window (never in the URL, which the page can read); the sidebar hands it
// back in its first port message. A frame the page made itself — by copying
// the src, or on another site after the tab navigated — never receives a
// nonce, so it gets no deal, no data and no database port.
// State lives in storage.session too, so a restarted service worker still
// knows a proven frame (storage.session is not readable by content scripts).
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { frameNonce, frameProof, NONCE_PREFIX, type FrameProof, type NonceGrant } from './storage-keys';
import { readFamily, readStored, removeKeys, removeStored, writeStored } from './storage';

export type { FrameProof };

/** The parts of a runtime.MessageSender the gate uses (documentId: Chromium ≥ 106). */
export interface FrameSender {
  tab?: { id?: number };
  frameId?: number;
  documentId?: string;
  url?: string;
}

/** Long enough for a loaded frame on a contended machine; a nonce is used once. */
const NONCE_TTL_MS = 120_000;

const originOf = (url: string | undefined): string | null => {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
};

const revokeListeners = new Set<(tabId: number) => void>();

/** Calls back when a tab's proven sidebar loses its proof (navigation, a newer frame, tab closed). */
export function onFrameProofRevoked(cb: (tabId: number) => void): void {
  revokeListeners.add(cb);
}

/** What webNavigation.getFrame tells of a frame (documentId, parentDocumentId: Chromium ≥ 106; its types lack them). */
const frameDetailsSchema = z.object({ url: z.string(), parentFrameId: z.number(), documentId: z.string().optional(), parentDocumentId: z.string().optional() });

/** A frame as the browser sees it now; null when unknown (no such frame). */
async function frameDetails(tabId: number, frameId: number) {
  const parsed = frameDetailsSchema.safeParse(await browser.webNavigation.getFrame({ tabId, frameId }).catch(() => null));
  return parsed.success ? parsed.data : null;
}

/** The tab's top frame as the browser sees it now; null when unknown. */
const topFrame = (tabId: number) => frameDetails(tabId, 0);

/**
 * Issues a nonce to a content script. Only a tab's top frame on a web origin
 * gets one (the content script runs there only); the tab's older unused
 * nonces are dropped, so a nonce is good for one frame load.
 */
export async function mintFrameNonce(sender: FrameSender): Promise<string | null> {
  const tabId = sender.tab?.id;
  const origin = originOf(sender.url);
  if (tabId === undefined || sender.frameId !== 0 || !origin || !/^https?:$/.test(new URL(origin).protocol)) return null;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const nonce = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  const { entries, unfit } = await readFamily('session', NONCE_PREFIX, frameNonce);
  const stale = entries.filter(([, g]) => g.tabId === tabId || g.expires < Date.now()).map(([n]) => frameNonce(n).key);
  await removeKeys('session', [...stale, ...unfit]);
  const grant: NonceGrant = { tabId, origin, expires: Date.now() + NONCE_TTL_MS, ...(sender.documentId ? { documentId: sender.documentId } : {}) };
  await writeStored(frameNonce(nonce), grant);
  return nonce;
}

/**
 * Checks a sidebar frame's nonce and consumes it. Holds when the nonce was
 * issued to this tab, is unexpired, comes from a subframe of that tab, and the
 * tab still shows the very top document whose content script asked for it.
 * Any failure consumes the nonce too.
 */
export async function proveFrame(sender: FrameSender, nonce: unknown): Promise<FrameProof | null> {
  if (typeof nonce !== 'string' || !/^[0-9a-f]{64}$/.test(nonce)) return null;
  const grant = await readStored(frameNonce(nonce));
  if (!grant) return null;
  await removeStored(frameNonce(nonce));
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  if (grant.expires < Date.now() || tabId !== grant.tabId || frameId === undefined || frameId === 0) return null;
  // Chromium does not list extension frames in webNavigation; where the
  // browser does, the frame must be a child of the document that asked.
  const frame = await frameDetails(tabId, frameId);
  if (frame && (frame.parentFrameId !== 0 || (grant.documentId && frame.parentDocumentId && frame.parentDocumentId !== grant.documentId))) return null;
  const top = await topFrame(tabId);
  if (!top || originOf(top.url) !== grant.origin || (grant.documentId && top.documentId && top.documentId !== grant.documentId)) return null;
  const proof: FrameProof = { tabId, frameId, origin: grant.origin, ...(sender.documentId ? { documentId: sender.documentId } : {}), ...(grant.documentId ? { topDocumentId: grant.documentId } : {}) };
  // One sidebar per tab: a newer proven frame replaces the older one.
  const previous = await storedProof(tabId);
  await writeStored(frameProof(tabId), proof);
  if (previous) for (const cb of revokeListeners) cb(tabId);
  return proof;
}

const storedProof = (tabId: number): Promise<FrameProof | null> => readStored(frameProof(tabId));

/**
 * The proof of the frame behind a port, or null. Also re-checks that the tab
 * still shows the document the frame was proven for (the tab may have
 * navigated while the service worker slept).
 */
export async function provenFrame(sender: FrameSender): Promise<FrameProof | null> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return null;
  const proof = await storedProof(tabId);
  if (!proof || proof.frameId !== sender.frameId || (proof.documentId && proof.documentId !== sender.documentId)) return null;
  const top = await topFrame(tabId);
  if (!top || originOf(top.url) !== proof.origin || (proof.topDocumentId && top.documentId && top.documentId !== proof.topDocumentId)) {
    await revokeFrameProof(tabId);
    return null;
  }
  return proof;
}

/**
 * Forgets a tab's proof and unused nonces (navigation, tab closed) and tells
 * the listeners. `keepDocumentId`: the tab's new top document, whose content
 * script may already have asked for a nonce; its grants stay.
 */
export async function revokeFrameProof(tabId: number, keepDocumentId?: string): Promise<void> {
  const kept = (documentId: string | undefined) => keepDocumentId !== undefined && documentId === keepDocumentId;
  const proof = await storedProof(tabId);
  const { entries, unfit } = await readFamily('session', NONCE_PREFIX, frameNonce);
  const keys = [
    ...(proof && !kept(proof.topDocumentId) ? [frameProof(tabId).key] : []),
    ...entries.filter(([, g]) => g.tabId === tabId && !kept(g.documentId)).map(([n]) => frameNonce(n).key),
    ...unfit,
  ];
  await removeKeys('session', keys);
  for (const cb of revokeListeners) cb(tabId);
}
