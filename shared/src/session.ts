import { z } from "zod/mini";

export const RoleSchema = z.enum(["owner", "admin", "manager", "technician"]);
export type Role = z.infer<typeof RoleSchema>;

/**
 * A shop or user id from the session: plain ASCII, the way Shopmonkey's ids look. Anything
 * else is refused (401): a NUL cannot be stored (it was a 500), and lone surrogates turned
 * into the same text once stored, merging tenants.
 */
const PlainId = z.string().check(z.regex(/^[A-Za-z0-9_.:@|-]{1,64}$/, "must be a plain id"));

/** Claims of the short-lived JWT (HS256) the Shopmonkey shell hands the embedded app. */
export const SessionClaimsSchema = z.object({
  shop: PlainId,
  sub: PlainId,
  name: z.string().check(z.maxLength(200)),
  role: RoleSchema,
  exp: z.int(),
});
export type SessionClaims = z.infer<typeof SessionClaimsSchema>;

/** What the SPA learns about who is using it (no secrets). */
/** QuickBooks Online's own web app (production companies). */
export const QBO_APP_URL = "https://app.qbo.intuit.com/app";

export const MeSchema = z.object({
  shopId: z.string(),
  shopName: z.string(),
  userId: z.string(),
  name: z.string(),
  role: RoleSchema,
  demoMode: z.boolean(),
  /**
   * Base of the QuickBooks Online app the links open ("Open in QuickBooks"): Intuit's, Intuit's
   * sandbox app for sandbox companies, or the offline sandbox's pages.
   */
  quickBooksAppUrl: z._default(z.string(), QBO_APP_URL),
});
export type Me = z.infer<typeof MeSchema>;

export const DemoSessionRequestSchema = z.strictObject({
  shop: z._default(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)), "demo-shop"),
  role: z._default(RoleSchema, "owner"),
});
export const DemoSessionSchema = z.object({ token: z.string(), expiresAt: z.string() });
export type DemoSession = z.infer<typeof DemoSessionSchema>;

/** Owners and admins change QuickBooks settings and run imports. */
export const canManageQuickBooks = (role: Role): boolean => role === "owner" || role === "admin";
/** Managers (and above) may invoice and send invoices; technicians read only. */
export const canInvoice = (role: Role): boolean => role !== "technician";
