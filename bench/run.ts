// `npm run bench`: runs every benchmark, prints a table and writes
// bench/results.json with the machine it ran on.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { ratioCell, referenceCell, type Figure } from './figures';
import { updateReadme } from './readme-table';

const suites: [string, () => Promise<{ run(): Promise<Figure[]> }>][] = [
  ['content script', () => import('./content-bundle.bench')],
  ['sidebar', () => import('./sidebar.bench')],
  ['label look-up', () => import('./label-lookup.bench')],
  ['sync', () => import('./sync.bench')],
  ['claims server', () => import('./claim-server.bench')],
  ['popup', () => import('./popup.bench')],
  ['load', () => import('./load.bench')],
  ['settings', () => import('./settings.bench')],
  ['oversized bodies', () => import('./oversized-body.bench')],
  ['growth', () => import('./growth.bench')],
  ['browser cost', () => import('./browser-cost.bench')],
  ['prefill', () => import('./prefill.bench')],
];

function chromiumVersion(): string {
  try {
    return execFileSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

const only = process.argv.slice(2);
const figures: (Figure & { suite: string })[] = [];
for (const [suite, load] of suites) {
  if (only.length && !only.includes(suite)) continue;
  process.stdout.write(`running ${suite}…\n`);
  for (const f of await (await load()).run()) figures.push({ suite, ...f });
}

const fmt = (n: number | undefined) => (n === undefined ? '' : String(n));
console.log('\n| figure | median | p95 | p99 | unit | runs | reference, same run (median) | ratio | goal |');
console.log('|---|---:|---:|---:|---|---:|---|---:|---|');
for (const f of figures) {
  console.log(`| ${f.name} | ${f.median} | ${fmt(f.p95)} | ${fmt(f.p99)} | ${f.unit} | ${f.runs} | ${referenceCell(f, fmt)} | ${ratioCell(f, fmt)} | ${f.goal ?? ''} |`);
}
for (const f of figures) if (f.note) console.log(`- ${f.name}: ${f.note}`);

const machine = {
  date: new Date().toISOString(),
  node: process.version,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  chromium: chromiumVersion(),
};
// A partial run (`npm run bench -- sync`) replaces only its suites' figures.
const ran = new Set(figures.map((f) => f.suite));
const earlier = only.length && existsSync('bench/results.json') ? (JSON.parse(readFileSync('bench/results.json', 'utf8')) as { figures: (Figure & { suite: string })[] }).figures : [];
const order = suites.map(([name]) => name);
const all = [...earlier.filter((f) => !ran.has(f.suite)), ...figures].sort((a, b) => order.indexOf(a.suite) - order.indexOf(b.suite));
const results = { machine, figures: all };
writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
console.log(`\nwrote bench/results.json${updateReadme(results) ? ' and the Performance table in README.md' : ''}`);
