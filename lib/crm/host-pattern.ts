// A custom adapter's host globs become the match patterns the browser asks the
// user to grant at run time. Only forms a match pattern can express are allowed:
// an exact host, or "*." followed by a domain.
export function hostToMatchPattern(host: string): string | null {
  const h = host.trim().toLowerCase();
  if (/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(h)) return `https://${h}/*`;
  return null;
}
