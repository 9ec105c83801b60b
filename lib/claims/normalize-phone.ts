// Phones → E.164 with the team's default region (claim policy, lib/claims/README.md),
// so "138 0013 8000", "+86-138-0013-8000" and "0086 13800138000" are one key.
// Validity is judged against libphonenumber's full metadata (`/max`: number
// ranges per region, not only lengths), so a local number typed without its
// area code or a mobile missing a digit is refused with a reason, never
// guessed into some other customer's number. Extensions are not part of the key.
import { parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js/max';

/** Why a phone is not a claim key; each has a localized text (claim.keyError.phone.*). */
export type PhoneRefusal = 'not_a_number' | 'unknown_country' | 'too_short' | 'too_long' | 'incomplete';

/** "ext. 12", "x12", "#12", "转 8001", "分机 8001", "分機", "內線", "内线" at the end. */
const EXTENSION = /\s*[,;]?\s*(?:ext(?:ension)?\.?|x|#|转|轉|分机号?|分機號?|內線|内线|內线|内線)\s*[:：.]?\s*\d{1,6}\s*$/i;
/** "-8001" after a complete number: tried only when the whole is not valid. */
const DASHED_TAIL = /\s*[-–—]\s*\d{1,6}\s*$/;

export function stripExtension(text: string): string {
  return text.replace(EXTENSION, '');
}

function parse(text: string, region: string | undefined) {
  const p = parsePhoneNumberFromString(text, region as CountryCode | undefined);
  return p && p.isValid() ? p.number : null;
}

/** E.164 or the reason the text is not a usable phone key. `region`: ISO 3166-1 alpha-2 (the team's default; none: only +… numbers). */
export function parsePhoneKey(text: string, region: string | undefined): { e164: string } | { error: PhoneRefusal } {
  let t = text.normalize('NFKC').trim();
  t = t.replace(/^00(?=[1-9])/, '+'); // international prefix written as 00
  t = stripExtension(t);
  const whole = parse(t, region);
  if (whole) return { e164: whole };
  if (DASHED_TAIL.test(t)) {
    const head = parse(t.replace(DASHED_TAIL, ''), region);
    // the head alone must have enough digits to be complete: "138-0013-8000" is not "138-0013" + extension
    if (head) return { e164: head };
  }
  const length = validatePhoneNumberLength(t, region as CountryCode | undefined);
  if (length === 'NOT_A_NUMBER' || !/\d/.test(t)) return { error: 'not_a_number' };
  if (length === 'INVALID_COUNTRY') return { error: 'unknown_country' };
  if (length === 'TOO_SHORT') return { error: 'too_short' };
  if (length === 'TOO_LONG') return { error: 'too_long' };
  // Possible length but outside every number range of the region: a local
  // number missing its area code, or a mobile missing a digit.
  return { error: 'incomplete' };
}

export function normalizePhone(text: string | null | undefined, defaultRegion: string | undefined): string | null {
  if (!text) return null;
  const r = parsePhoneKey(text, defaultRegion);
  return 'e164' in r ? r.e164 : null;
}
