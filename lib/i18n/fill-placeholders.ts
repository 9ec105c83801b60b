/**
 * Fill `{name}` placeholders in a UI text with `params` (as text, never HTML).
 * One pass over the text: a value is never read for placeholders itself, and a
 * name not in `params` stays as written.
 */
export function fillPlaceholders(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
