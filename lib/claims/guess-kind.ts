// What the rep typed in the look-up box: an email, a phone or a company name.
export function guessKeyKind(text: string): 'email' | 'phone' | 'company' {
  const t = text.normalize('NFKC').trim();
  if (t.includes('@')) return 'email';
  const digits = t.replace(/\D/g, '').length;
  if (digits >= 7 && /^[\d\s()+\-./]+(?:\s*(?:ext\.?|x|#|转|轉|分机|分機|內線|内线)\s*\d+)?$/i.test(t)) return 'phone';
  return 'company';
}
