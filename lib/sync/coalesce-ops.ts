import type { PacketOp } from './packet-ops';

/**
 * Typing produces one 'set' op per keystroke; only the last value of a run of
 * sets to the same field needs storing and sending. Order of other ops is kept.
 */
export function coalesceOps(ops: PacketOp[]): PacketOp[] {
  const out: PacketOp[] = [];
  for (const op of ops) {
    const prev = out[out.length - 1];
    if (prev && op.kind === 'set' && prev.kind === 'set' && prev.path === op.path) {
      out[out.length - 1] = op;
    } else if (prev && op.kind === 'update' && prev.kind === 'update' && prev.list === op.list && prev.id === op.id) {
      out[out.length - 1] = { ...op, patch: { ...prev.patch, ...op.patch } };
    } else {
      out.push(op);
    }
  }
  return out;
}
