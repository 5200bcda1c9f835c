import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Intuit signs every webhook: `intuit-signature` = base64(HMAC-SHA256(verifier token, raw body))
 * (docs/quickbooks.md §7.2). The comparison is constant-time so the header can't be guessed byte by byte,
 * and it runs on the raw bytes because re-serialized JSON would not hash the same.
 */
export function verifyIntuitSignature(
  verifierToken: string,
  rawBody: Buffer,
  header: string | undefined,
): boolean {
  if (!header || !verifierToken) return false;
  const expected = createHmac("sha256", verifierToken).update(rawBody).digest();
  const given = Buffer.from(header.trim(), "base64");
  // timingSafeEqual throws on different lengths; a wrong length is simply a wrong signature.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
