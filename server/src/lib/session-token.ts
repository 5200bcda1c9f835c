import type { Role } from "@app/shared";
import { SignJWT } from "jose";

/** Mints a session token the way the Shopmonkey shell does (used by demo mode and tests). */
export async function signSessionToken(
  secret: Uint8Array,
  claims: { shop: string; sub: string; name: string; role: Role },
  ttlSeconds = 3600,
): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const token = await new SignJWT({ ...claims })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(secret);
  return { token, expiresAt };
}
