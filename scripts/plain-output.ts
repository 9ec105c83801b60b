// Progress written for a terminal (spinner frames redrawn with \r, colours,
// cursor codes), turned into plain lines when the output is a file or a pipe —
// a CI log or `npm start > log` gets "Built extension in 4 s", not escape codes.
// eslint-disable-next-line no-control-regex -- terminal escape codes are what it removes
const ANSI = /\x1B\[[0-9;?]*[ -/]*[@-~]/g;

/**
 * One finished line as a terminal would have left it: each \r goes back to the
 * start and overwrites, ESC[K erases the rest; escape codes are dropped. A line
 * that ends up blank after redraws (a spinner cleared at the end) is dropped.
 */
function settle(line: string): string | null {
  if (!line.includes('\r')) return line.replace(ANSI, '');
  let shown = '';
  for (const seg of line.split('\r')) {
    const text = seg.replace(ANSI, '');
    shown = seg.includes('\x1B[K') ? text : text + shown.slice(text.length);
  }
  return shown.trim() ? shown.trimEnd() : null;
}

/** A filter over a stream's chunks (lines may be split across them); call with null at the end. */
export function plainOutput(): (chunk: string | null) => string {
  let rest = '';
  return (chunk) => {
    const text = rest + (chunk ?? '');
    // the unfinished last line waits for the next chunk; at the end it is let out as it is
    const lines = chunk === null ? (text ? [text] : []) : text.split('\n');
    rest = chunk === null ? '' : lines.pop()!;
    return lines
      .map(settle)
      .filter((l): l is string => l !== null)
      .map((l) => `${l}\n`)
      .join('');
  };
}
