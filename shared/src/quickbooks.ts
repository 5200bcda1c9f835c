import { z } from "zod";

export const ConnectionStatusSchema = z.enum(["not_connected", "connected", "needs_reconnect"]);
export type ConnectionStatus = z.infer<typeof ConnectionStatusSchema>;

export const ConnectionSchema = z.object({
  status: ConnectionStatusSchema,
  realmId: z.string().optional(),
  companyName: z.string().optional(),
  connectedAt: z.string().optional(),
  connectedBy: z.string().optional(),
  refreshTokenExpiresAt: z.string().optional(),
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
