// Phones and emails the deal page shows (mailto:/tel: links, "Phone: …" text,
// a value beside a phone label, emails in the text), so a claim can pre-fill
// them as keys. Raw strings only: the sidebar normalises and drops what is not
// a usable key (free mail, unparseable numbers). Menus and the app's header
// are skipped, where the signed-in user's own address usually sits, and so is
// anything hidden (an earlier record's cached view).
import { allRoots, deepQueryAll } from './deep-query';
import { findByLabel, type AcceptValue } from './find-by-label';
import { isOnScreen, onePass } from './visibility';

const CHROME = 'nav, [role=navigation], [role=menubar], [role=menu], [role=banner], header, script, style, template';
const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/gi;
const PHONE_LABELS = ['Phone', 'Mobile', 'Tel', 'Telephone', 'Work phone', 'Mobile phone', '电话', '手机', '联系电话', '手机号', '電話', '手機', '聯絡電話'];
/**
 * "Phone: +1 312-555-0148", "电话：138 0013 8000", "Tel (0755) 8601 3388 转 8001"
 * inside one piece of text: a bracketed area code may open the number, and an
 * extension may follow it (kept here; the claim key drops it).
 */
const LABELLED_PHONE =
  /(?<![a-z])(?:phone|mobile|tel(?:ephone)?\.?|电话|手机|電話|手機|联系电话|聯絡電話)\s*[:：]?\s*(\+?\s*\(?\+?\d[\d\s()./-]{5,}\d(?:\s*(?:ext\.?|x|#|转|轉|分机|分機|內線|内线)\s*\d{1,6})?)/gi;
const MAX = 5;

const digits = (s: string) => s.replace(/\D/g, '').length;

/** `accept` may refuse elements (e.g. the previous record's view after a navigation). */
export function readContacts(doc: Document, accept?: AcceptValue): { phones: string[]; emails: string[] } {
  return onePass(() => collect(doc, accept));
}

function collect(doc: Document, accept?: AcceptValue): { phones: string[]; emails: string[] } {
  const phones = new Set<string>();
  const emails = new Set<string>();
  const add = (set: Set<string>, v: string) => {
    if (set.size < MAX) set.add(v.trim());
  };
  for (const a of deepQueryAll(doc, 'a[href^="mailto:" i], a[href^="tel:" i]')) {
    if (a.closest(CHROME) || !isOnScreen(a) || (accept && !accept(a))) continue;
    const href = a.getAttribute('href') ?? '';
    const value = decodeURIComponent(href.slice(href.indexOf(':') + 1).split('?')[0] ?? '');
    if (/^mailto:/i.test(href)) add(emails, value);
    else if (digits(value) >= 6) add(phones, value);
  }
  const beside = findByLabel(doc, PHONE_LABELS, accept);
  if (beside && digits(beside) >= 6 && digits(beside) <= 16) add(phones, beside);
  for (const root of allRoots(doc)) {
    const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT: no global outside a browser */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.nodeValue ?? '';
      if (text.length < 6 || n.parentElement?.closest(CHROME)) continue;
      const found = [...text.matchAll(EMAIL)];
      const labelled = [...text.matchAll(LABELLED_PHONE)];
      // Checked only where something matched: style look-ups per text node cost.
      if (!found.length && !labelled.length) continue;
      if (!n.parentElement || !isOnScreen(n.parentElement) || (accept && !accept(n.parentElement))) continue;
      for (const m of found) add(emails, m[0]);
      for (const m of labelled) if (digits(m[1]!) <= 22) add(phones, m[1]!);
    }
  }
  return { phones: [...phones], emails: [...emails] };
}
