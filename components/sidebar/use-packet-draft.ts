// Local-first editing of one packet. Each edit is an op applied to the view at
// once and written to IndexedDB right away (write-through, one write in flight,
// edits made meanwhile coalesced into the next write), so a closed tab or a
// crash loses at most the keystroke being written. Other tabs' writes arrive
// through Dexie liveQuery and merge per field, because each write applies its
// ops to the latest stored packet. The database is reached through the
// background (components/sidebar/db-client.ts).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Packet } from '@/lib/packet/schema';
import { applyOp, type PacketOp } from '@/lib/sync/packet-ops';
import { coalesceOps } from '@/lib/sync/coalesce-ops';
import { markSaved } from './bench-probe';
import type { ReadStamp, RefusedEditView } from '@/extension/messaging/db-messages';
import { dbClient } from './db-client';

export interface PacketDraft {
  packet: Packet | undefined;
  /** edits of this packet the server refused, kept until the person resolves them */
  refusals: RefusedEditView[];
  edit: (op: PacketOp) => void;
  saving: boolean;
  error: string | null;
  /** resolves when every edit so far is in IndexedDB */
  flush: () => Promise<void>;
}

export function usePacketDraft(key: string | null): PacketDraft {
  const [base, setBase] = useState<Packet | undefined>(undefined);
  const [refusals, setRefusals] = useState<RefusedEditView[]>([]);
  const [pending, setPending] = useState<PacketOp[]>([]);
  const [error, setError] = useState<string | null>(null);
  const queue = useRef<PacketOp[]>([]);
  const inflight = useRef<PacketOp[]>([]);
  const running = useRef<Promise<void> | null>(null);
  const keyRef = useRef(key);
  keyRef.current = key;
  const lastRead = useRef<ReadStamp | null>(null);
  /** Keeps the freshest read of the database; an older one arriving late is ignored. */
  const take = useCallback((p: Packet | null, stamp: ReadStamp, refused?: RefusedEditView[]) => {
    const last = lastRead.current;
    if (last && last.epoch === stamp.epoch && stamp.n < last.n) return;
    lastRead.current = stamp;
    if (p && p.key === keyRef.current) setBase(p);
    if (refused) setRefusals(refused.filter((r) => r.packetKey === keyRef.current));
  }, []);

  useEffect(() => {
    setBase(undefined);
    setRefusals([]);
    lastRead.current = null;
    if (!key) return;
    return dbClient.watch(key, take);
  }, [key, take]);

  const publish = () => setPending([...inflight.current, ...queue.current]);

  const run = useCallback((): Promise<void> => {
    if (running.current) return running.current;
    const k = keyRef.current;
    if (!k || !queue.current.length) return Promise.resolve();
    const job = (async () => {
      let delay = 100;
      while (queue.current.length && keyRef.current === k) {
        inflight.current = coalesceOps(queue.current);
        queue.current = [];
        try {
          const { packet: next, stamp } = await dbClient.request({ type: 'packet:apply', key: k, ops: inflight.current });
          markSaved();
          inflight.current = [];
          setError(null);
          if (keyRef.current === k) take(next, stamp);
          delay = 100;
        } catch (e) {
          // Keep the edits (typing is never lost) and retry with backoff.
          queue.current = [...inflight.current, ...queue.current];
          inflight.current = [];
          setError(e instanceof Error ? e.message : String(e));
          await new Promise((r) => setTimeout(r, delay));
          delay = Math.min(delay * 2, 5000);
        }
        publish();
      }
    })();
    running.current = job.finally(() => {
      running.current = null;
    });
    return running.current;
  }, [take]);

  const edit = useCallback(
    (op: PacketOp) => {
      queue.current.push(op);
      publish();
      void run();
    },
    [run],
  );

  const flush = useCallback(async () => {
    while (queue.current.length || running.current) await run();
  }, [run]);

  // Leaving the page: make sure the last write is started (it usually is).
  useEffect(() => {
    const onHide = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onHide);
    };
  }, [flush]);

  // Only this deal's packet: after a navigation the previous deal's stays in
  // `base` until the new one is read, and must not be shown meanwhile.
  const packet = useMemo(() => (base && base.key === key ? pending.reduce(applyOp, base) : undefined), [base, pending, key]);
  return { packet, refusals, edit, saving: pending.length > 0, error, flush };
}
