// Hybrid logical clock: wall time plus a counter plus the node id, encoded so
// that string order is causal order. Concurrent edits of one field are decided
// by it (last writer wins), identically on every device and on the server.
export interface HlcState {
  wall: number;
  counter: number;
}

const WALL = 15;
const COUNTER = 5;

export function formatHlc(s: HlcState, node: string): string {
  return `${String(s.wall).padStart(WALL, '0')}:${String(s.counter).padStart(COUNTER, '0')}:${node}`;
}

export function parseHlc(h: string): HlcState & { node: string } {
  const [wall, counter, ...node] = h.split(':');
  return { wall: Number(wall), counter: Number(counter), node: node.join(':') };
}

/** The next timestamp for a local event: never behind the last one, even if the wall clock went back. */
export function tickHlc(last: HlcState | null, now: number): HlcState {
  if (!last || now > last.wall) return { wall: now, counter: 0 };
  return { wall: last.wall, counter: last.counter + 1 };
}

/** After seeing a remote timestamp: stay ahead of it. */
export function receiveHlc(last: HlcState | null, remote: string, now: number): HlcState {
  const r = parseHlc(remote);
  const base = last && (last.wall > r.wall || (last.wall === r.wall && last.counter >= r.counter)) ? last : r;
  return tickHlc(base, now);
}

export const HLC_PATTERN = /^\d{15}:\d{5}:[A-Za-z0-9_-]{1,64}$/;
