// Size of what every CRM page pays for: the content script bundle.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Figure } from './figures';

export async function run(): Promise<Figure[]> {
  const js = readFileSync('.output/chrome-mv3/content-scripts/content.js');
  return [
    { name: 'content script bundle', unit: 'bytes', median: js.length, runs: 1 },
    { name: 'content script bundle (gzip)', unit: 'bytes', median: gzipSync(js, { level: 9 }).length, runs: 1 },
  ];
}
