// Adapter definitions an IT department ships through policy (managed
// `customAdapters`, JSON text) beside the ones an admin saved in the options
// page. A managed definition is locked: a saved one with the same id is not used.
// The content script uses only the two small functions (its size budget);
// the options page reports problems with parseManagedAdapters.
import { parseAdapterDefinition, type AdapterDefinition } from '../crm/adapter-schema';

/** One managed definition that could not be used: its position in the array and the first problem. */
export interface ManagedAdapterProblem {
  index: number;
  message: string;
}

/** The managed documents, unparsed: the JSON array, or none when `text` is absent, not text, or not a JSON array. */
export function managedAdapterDocs(text: unknown): unknown[] {
  try {
    const docs: unknown = typeof text === 'string' ? JSON.parse(text) : [];
    return Array.isArray(docs) ? docs : [];
  } catch {
    return [];
  }
}

/**
 * Parses the managed JSON text. `definitions` holds each valid definition;
 * an invalid one is left out and reported, the others still apply.
 * Text that is not a JSON array gives no definitions and one problem at index -1.
 */
export function parseManagedAdapters(text: string | undefined): { definitions: AdapterDefinition[]; problems: ManagedAdapterProblem[] } {
  if (text === undefined || text.trim() === '') return { definitions: [], problems: [] };
  let docs: unknown;
  try {
    docs = JSON.parse(text);
  } catch (e) {
    return { definitions: [], problems: [{ index: -1, message: e instanceof Error ? e.message : String(e) }] };
  }
  if (!Array.isArray(docs)) return { definitions: [], problems: [{ index: -1, message: 'not an array' }] };
  const definitions: AdapterDefinition[] = [];
  const problems: ManagedAdapterProblem[] = [];
  docs.forEach((doc: unknown, index) => {
    const parsed = parseAdapterDefinition(doc);
    if (parsed.ok) definitions.push(parsed.value);
    else problems.push({ index, message: parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ') });
  });
  return { definitions, problems };
}

const idOf = (doc: unknown): unknown => (typeof doc === 'object' && doc !== null ? Reflect.get(doc, 'id') : undefined);

/**
 * The adapter documents in force: managed ones first, then the saved ones
 * whose id no managed document uses (a managed value overrides the person's
 * and locks it). Documents stay unparsed: each reader checks them.
 */
export function adapterDocsInForce(managed: unknown[], saved: unknown[]): unknown[] {
  const locked = new Set(managed.map(idOf));
  return [...managed, ...saved.filter((d) => !locked.has(idOf(d)))];
}
