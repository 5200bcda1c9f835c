import { z } from "zod/mini";

export const ConnectionStatusSchema = z.enum(["not_connected", "connected", "needs_reconnect"]);
export type ConnectionStatus = z.infer<typeof ConnectionStatusSchema>;

/**
 * What the connected QuickBooks company can do, from its CompanyInfo and Preferences. Simple
 * Start and Essentials track no inventory; the InventoryAdjustment API is Plus/Advanced in the
 * US only. `plan`: simple_start | essentials | plus | advanced | unknown; `country`: Intuit's
 * code ("US", "CA", "GB", …).
 */
export const CapabilitiesSchema = z.object({
  inventoryTracking: z.boolean(),
  inventoryAdjustments: z.boolean(),
  plan: z.string(),
  country: z.string(),
  /** The company's home currency (ISO 4217, Preferences.CurrencyPrefs.HomeCurrency): the shop's money. */
  currency: z.optional(z.string()),
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

export const ConnectionSchema = z.object({
  status: ConnectionStatusSchema,
  realmId: z.optional(z.string()),
  companyName: z.optional(z.string()),
  connectedAt: z.optional(z.string()),
  connectedBy: z.optional(z.string()),
  refreshTokenExpiresAt: z.optional(z.string()),
  /**
   * The company the shop's links (parts, customers, vendors, category mapping) belong to, and
   * how many point at it. Kept after a disconnect: connecting another company is a switch.
   */
  linkedCompany: z.optional(
    z.object({
      realmId: z.string(),
      companyName: z.string(),
      parts: z.int(),
      customers: z.int(),
      vendors: z.int(),
      categories: z.int(),
    }),
  ),
  /** A consent for another company, waiting for the owner to confirm the switch. */
  pendingSwitch: z.optional(
    z.object({ realmId: z.string(), companyName: z.string(), expiresAt: z.string() }),
  ),
  /** Absent while QuickBooks could not be asked (it is asked on connect and each catch-up). */
  capabilities: z.optional(CapabilitiesSchema),
});
export type Connection = z.infer<typeof ConnectionSchema>;
export type LinkedCompany = NonNullable<Connection["linkedCompany"]>;

export const AuthorizeResponseSchema = z.object({ authorizeUrl: z.string() });

export const OAuthStartQuerySchema = z.object({
  state: z.string().check(z.minLength(1), z.maxLength(256)),
  /** Our offline sandbox only: approve this company without showing the consent page. */
  auto_approve_realm: z.optional(z.string().check(z.maxLength(64))),
  /** The app's language, for the page the popup lands on (else the browser's: docs/api.md). */
  lang: z.optional(z.enum(["en", "fr"])),
});

export const OAuthCallbackQuerySchema = z.object({
  code: z.optional(z.string().check(z.maxLength(512))),
  state: z.optional(z.string().check(z.maxLength(256))),
  realmId: z.optional(z.string().check(z.maxLength(64))),
  error: z.optional(z.string().check(z.maxLength(200))),
});

export const StartingSituationSchema = z.enum([
  "brand_new",
  "quickbooks_only",
  "shopmonkey_only",
  "both",
]);
export type StartingSituation = z.infer<typeof StartingSituationSchema>;
