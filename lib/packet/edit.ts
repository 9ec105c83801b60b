// Pure, immutable edits of a packet by path ("profile.industry",
// "risks.items"). Only the objects on the path are copied; everything else is
// shared, so React sees exactly what changed.
import { LIST_ITEM_SCHEMAS, type ListPath, type Packet } from './schema';

type Obj = Record<string, unknown>;

function setIn(obj: Obj, parts: string[], fn: (old: unknown) => unknown): Obj {
  const [head, ...rest] = parts;
  if (head === undefined) return obj;
  const cur = obj[head];
  const next = rest.length ? setIn((cur && typeof cur === 'object' ? cur : {}) as Obj, rest, fn) : fn(cur);
  return { ...obj, [head]: next };
}

export function getIn(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) cur = (cur as Obj | undefined)?.[part];
  return cur;
}

export function setField(packet: Packet, path: string, value: unknown): Packet {
  return setIn(packet as unknown as Obj, path.split('.'), () => value) as unknown as Packet;
}

/** Appends a row with the list's defaults; the caller supplies the id (replays stay idempotent). */
export function addItem(packet: Packet, list: ListPath, item: { id: string } & Obj): Packet {
  const filled = LIST_ITEM_SCHEMAS[list].parse(item) as Obj;
  return setIn(packet as unknown as Obj, list.split('.'), (old) => [...((old as Obj[] | undefined) ?? []), filled]) as unknown as Packet;
}

export function updateItem(packet: Packet, list: ListPath, id: string, patch: Obj): Packet {
  return setIn(packet as unknown as Obj, list.split('.'), (old) =>
    ((old as Obj[] | undefined) ?? []).map((it) => (it.id === id ? { ...it, ...patch, id } : it)),
  ) as unknown as Packet;
}

export function removeItem(packet: Packet, list: ListPath, id: string): Packet {
  return setIn(packet as unknown as Obj, list.split('.'), (old) =>
    ((old as Obj[] | undefined) ?? []).filter((it) => it.id !== id),
  ) as unknown as Packet;
}
