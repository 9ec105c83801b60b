// The extension's public key (manifest "key"): Chromium derives the extension
// id from it, so every build, unpacked or packed, has the same id and an IT
// department's policies (ExtensionInstallForcelist, the "3rdparty" managed
// settings) can name it. Only the public half is here; nothing is signed with
// it. A store assigns its own id and refuses a "key", so store packages leave
// it out (scripts/package.ts), and a self-hosted CRX uses its signing key's.
import { createHash } from 'node:crypto';

/** Base64 DER (SubjectPublicKeyInfo) of Baton's RSA-2048 development key. */
export const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1UykXP3RMmVIGZup5qWFa11uC2+7AvHG1HVKRGwtfcSx0UqHQo6QKGy9Lfa1KC60HJNTgchcXA3Xc5SJ94XL6c43jC0pnnEoRhTk8k2/jX/qqzyaHYGGnxTUim0SXVOmCkCMn1f2vNVAa2TkgftTcF6fAos3xZNRiWGSenNOJUoutcC6pIaWRldF0+44eocfylBXvP5OLDbpW481ddkhuBoguGa0OLmL6DpYVSfQ2J+khmyC948sOaO1UjctLxYNDYdr/y7FHb/vcuMUPw2/i1qs93Z3G1JSnGqfCsLbl3ztEVhxGf+m/xQIMLqKvwS4htBfdsdpSa0t3MzTBsFZvQIDAQAB';

/**
 * The Chromium extension id of a public key: the first 128 bits of the SHA-256
 * of its DER bytes, each hex digit 0–f written as a letter a–p (Chromium's
 * crx_file::id_util::GenerateId).
 */
export function extensionIdOf(publicKeyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** Baton's extension id in Chromium, Chrome and Edge (unpacked and self-hosted builds). */
export const EXTENSION_ID = extensionIdOf(EXTENSION_PUBLIC_KEY);
