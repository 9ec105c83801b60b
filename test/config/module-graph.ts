// A module's static import graph, read from the sources: what a page or script
// loads and runs before its own code starts. Follows value imports and
// re-exports (type-only ones are erased by the build); a dynamic import() is
// not followed, as its module loads later, when called.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** Value imports and re-exports of a module's source (not `import type` / `export type`). */
export function valueImports(source: string): string[] {
  const out: string[] = [];
  const re = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (let m = re.exec(source); m; m = re.exec(source)) out.push(m[1]!);
  return out;
}

function resolveModule(spec: string, from: string): string | null {
  const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(from), spec) : null;
  if (!base) return null; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  return null;
}

/** Every project module the entry reaches, with the packages each imports. */
export function graph(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    const specs = valueImports(readFileSync(file, 'utf8'));
    seen.set(file, specs.filter((s) => !s.startsWith('.') && !s.startsWith('@/')));
    for (const s of specs) {
      const next = resolveModule(s, file);
      if (next) todo.push(next);
    }
  }
  return seen;
}
