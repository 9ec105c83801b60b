// Phones → E.164 with the team's default region, so "138 0013 8000",
// "+86-138-0013-8000" and "0086 13800138000" are one key. Invalid numbers are
// not keys (null), never guessed.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export function normalizePhone(text: string | null | undefined, defaultRegion: string = 'CN'): string | null {
  if (!text) return null;
  let t = text.normalize('NFKC').trim();
  t = t.replace(/^00(?=[1-9])/, '+'); // international prefix written as 00
  t = t.replace(/\s*(ext\.?|x|转|分机|#)\s*\d+\s*$/i, ''); // extensions are not part of the key
  const parsed = parsePhoneNumberFromString(t, defaultRegion as CountryCode);
  return parsed && parsed.isValid() ? parsed.number : null;
}
