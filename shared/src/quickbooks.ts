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
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

export const ConnectionSchema = z.object({
  status: ConnectionStatusSchema,
  realmId: z.string().optional(),
  companyName: z.string().optional(),
  connectedAt: z.string().optional(),
  connectedBy: z.string().optional(),
  refreshTokenExpiresAt: z.string().optional(),
  /** Absent while QuickBooks could not be asked (it is asked on connect and each catch-up). */
  capabilities: CapabilitiesSchema.optional(),
});
export type Connection = z.infer<typeof ConnectionSchema>;

export const AuthorizeResponseSchema = z.object({ authorizeUrl: z.string() });

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
