import { z } from "zod";

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
  currency: z.string().optional(),
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

export const ConnectionSchema = z.object({
  status: ConnectionStatusSchema,
  realmId: z.string().optional(),
  companyName: z.string().optional(),
  connectedAt: z.string().optional(),
  connectedBy: z.string().optional(),
  refreshTokenExpiresAt: z.string().optional(),
  /**
   * The company the shop's links (parts, customers, vendors, category mapping) belong to, and
   * how many point at it. Kept after a disconnect: connecting another company is a switch.
   */
  linkedCompany: z
    .object({
      realmId: z.string(),
      companyName: z.string(),
      parts: z.number().int(),
      customers: z.number().int(),
      vendors: z.number().int(),
      categories: z.number().int(),
    })
    .optional(),
  /** A consent for another company, waiting for the owner to confirm the switch. */
  pendingSwitch: z
    .object({ realmId: z.string(), companyName: z.string(), expiresAt: z.string() })
    .optional(),
  /** Absent while QuickBooks could not be asked (it is asked on connect and each catch-up). */
  capabilities: CapabilitiesSchema.optional(),
});
export type Connection = z.infer<typeof ConnectionSchema>;
export type LinkedCompany = NonNullable<Connection["linkedCompany"]>;

export const AuthorizeResponseSchema = z.object({ authorizeUrl: z.string() });

export const OAuthStartQuerySchema = z.object({
  state: z.string().min(1).max(256),
  /** Our offline sandbox only: approve this company without showing the consent page. */
  auto_approve_realm: z.string().max(64).optional(),
  /** The app's language, for the page the popup lands on (else the browser's: docs/api.md). */
  lang: z.enum(["en", "fr"]).optional(),
});

export const OAuthCallbackQuerySchema = z.object({
  code: z.string().max(512).optional(),
  state: z.string().max(256).optional(),
  realmId: z.string().max(64).optional(),
  error: z.string().max(200).optional(),
});

export const StartingSituationSchema = z.enum([
  "brand_new",
  "quickbooks_only",
  "shopmonkey_only",
  "both",
]);
export type StartingSituation = z.infer<typeof StartingSituationSchema>;
