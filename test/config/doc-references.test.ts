// Comments and docs name real files: a path such as `lib/crm/types.ts` or
// `docs/architecture.md` in a comment of product code, tests or tooling, or in
// a Markdown note, must exist in the repo, and a Markdown note named by its
// file name alone must be one the repo has (design notes once lived outside
// it). Files move (commit 43f7291 moved the Dexie code to extension/db); this
// fails on the comment left behind.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
/** Folders holding product code, tests, tooling and notes whose comments are checked (test fixtures are CRM pages, not ours). */
const SCANNED = ['test', 'entrypoints', 'components', 'extension', 'lib', 'server', 'scripts', 'bench', 'docs', 'data'];
const ROOT_FILES = ['README.md', 'wxt.config.ts', 'eslint.config.js', 'vitest.config.ts'];
const SKIP_DIRS = new Set(['node_modules', '.output', '.wxt', 'fixtures']);
const CODE = new Set(['.ts', '.tsx', '.js', '.cjs', '.mjs']);
/** Top-level folders a path in a comment starts with. */
const TOP = ['entrypoints', 'components', 'extension', 'lib', 'server', 'scripts', 'bench', 'docs', 'data', 'public', 'test'];

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!SKIP_DIRS.has(name)) walk(path, out);
    } else if (CODE.has(extname(name)) || name.endsWith('.md') || name.endsWith('.sql')) out.push(path);
  }
  return out;
}

/** The comments of a TS/JS file (the TypeScript scanner, so strings and regexes are not comments). */
export function commentsOf(source: string, jsx: boolean): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, jsx ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard, source);
  const out: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) out.push(scanner.getTokenText());
  }
  return out;
}

// A repo path: a top-level folder, then segments; `*`, `<area>` or `{a,b}` make it a pattern.
// Not inside a URL or a longer path (`host/lib/x`, `a/lib/x`); `./` and `../` are relative to the file,
// `@/` is the root (the import alias).
const PATH = new RegExp(`(?<![\\w.@/-])(?:@/|(?:\\.\\.?/)*)(?:${TOP.join('|')})/[\\w.*<>{},/-]*[\\w*>}/]`, 'g');
// An HTTP route in a code span (`POST /v1/claims/:id/extension/approve`) is not a path.
const ROUTE_SPAN = /`(?:GET|POST|PUT|PATCH|DELETE|\/v1)[^`]*`/g;
// A Markdown file named without a folder, as `README.md`.
const MD_NAME = /(?<![\w./-])[\w-]+\.md\b/g;

/** A module named without its extension (`lib/packet/edit-rights`) counts when `edit-rights.*` exists. */
function fileExists(path: string): boolean {
  if (existsSync(path)) return true;
  const dir = dirname(path);
  return existsSync(dir) && readdirSync(dir).some((n) => n.startsWith(`${basename(path)}.`));
}

/** Whether `ref` (from a comment in `file`) names something in the repo; a pattern must match at least one file. */
function refExists(ref: string, file: string): boolean {
  const clean = ref.replace(/\/$/, '').replace(/^@\//, ''); // `@/` is the repo root, as in imports
  const base = clean.startsWith('.') ? dirname(file) : ROOT;
  if (!/[*<{]/.test(clean)) return fileExists(join(base, clean));
  // A pattern: its folder must exist and hold something matching it.
  const parts = clean.split('/');
  const firstWild = parts.findIndex((p) => /[*<{]/.test(p));
  const dir = join(base, ...parts.slice(0, firstWild));
  if (!existsSync(dir)) return false;
  if (firstWild < parts.length - 1) return true;
  const re = new RegExp(`^${parts[firstWild]!.replace(/[.]/g, '\\.').replace(/<[^>]*>|\*/g, '.*').replace(/\{([^}]*)\}/g, (_m, alts: string) => `(${alts.split(',').join('|')})`)}$`);
  return readdirSync(dir).some((n) => re.test(n));
}

const allFiles = [...SCANNED.flatMap((d) => walk(join(ROOT, d), [])), ...ROOT_FILES.map((f) => join(ROOT, f))];
const mdNames = new Set(walk(ROOT, []).filter((f) => !relative(ROOT, f).startsWith('test/fixtures')).map((f) => basename(f)));

/** Every path or note named in `file`'s comments (or its text, for Markdown) that the repo does not have. */
function staleIn(text: string, file: string): string[] {
  const prose = text.replace(ROUTE_SPAN, '');
  return [
    ...[...prose.matchAll(PATH)].map(([ref]) => ref).filter((ref) => !refExists(ref, file)),
    ...[...prose.matchAll(MD_NAME)].map(([name]) => name).filter((name) => !mdNames.has(name)),
  ];
}

/** Every path or note named in `file`'s comments (`--` lines in SQL; the whole text of Markdown) that the repo does not have. */
function staleReferences(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const chunks = file.endsWith('.md') ? [text] : file.endsWith('.sql') ? text.split('\n').filter((l) => l.trimStart().startsWith('--')) : commentsOf(text, file.endsWith('x'));
  return chunks.flatMap((chunk) => staleIn(chunk, file));
}

describe('paths named in comments and notes exist', () => {
  it('scans the product code', () => {
    expect(allFiles.length).toBeGreaterThan(200);
  });

  it('every path or note a comment or Markdown file names is in the repo', () => {
    const stale = allFiles.flatMap((f) => staleReferences(f).map((ref) => `${relative(ROOT, f)}: ${ref}`));
    expect(stale).toEqual([]);
  });
});

describe('the check itself', () => {
  const check = (comment: string) => staleIn(comment, join(ROOT, 'lib/claims/x.ts'));
  it('flags a moved file, a missing note and a missing folder', () => {
    expect(check('// the Dexie database (lib/db/database.ts, DESIGN.md §3); see docs/nowhere/')).toEqual(['lib/db/database.ts', 'docs/nowhere/', 'DESIGN.md']);
  });
  it('accepts existing files, folders, patterns and URLs', () => {
    expect(check('// lib/crm/types.ts, lib/crm/, lib/i18n/messages.*.ts, test/lib/<area>, README.md, https://x.example/lib/none, lib/packet/edit-rights')).toEqual([]);
  });
  it('resolves ./ and ../ from the file', () => {
    expect(check('// ./data/legal-forms.generated.ts, ../../lib/crm/types.ts')).toEqual([]);
    expect(check('// ../data/legal-forms.generated.ts')).toEqual(['../data/legal-forms.generated.ts']);
    expect(check('// @/lib/crm/types, @/lib/db/database')).toEqual(['@/lib/db/database']);
  });
  it('skips HTTP routes in code spans', () => {
    expect(check('`POST /v1/claims/:id/extension/approve` but lib/none/x.ts')).toEqual(['lib/none/x.ts']);
  });
  it('reads comments, not strings', () => {
    expect(commentsOf("const a = '// lib/none.ts'; // lib/crm/types.ts\n/* docs/x.md */", false)).toEqual(['// lib/crm/types.ts', '/* docs/x.md */']);
  });
});
