import OAuthClient from "intuit-oauth";

export type QboEnvironment = "local" | "sandbox" | "production";

export interface QboConfig {
  environment: QboEnvironment;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Base of the Accounting API, no trailing slash (Intuit's, or our sandbox's). */
  apiBaseUrl: string;
  /** Where "open in QuickBooks" links point. */
  appBaseUrl: string;
}

const INTUIT_API = {
  sandbox: "https://sandbox-quickbooks.api.intuit.com",
  production: "https://quickbooks.api.intuit.com",
};
const INTUIT_APP = {
  sandbox: "https://app.sandbox.qbo.intuit.com/app",
  production: "https://app.qbo.intuit.com/app",
};

export function qboConfig(opts: {
  environment: QboEnvironment;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  sandboxUrl: string;
}): QboConfig {
  const local = opts.environment === "local";
  return {
    environment: opts.environment,
    clientId: opts.clientId,
    clientSecret: opts.clientSecret,
    redirectUri: opts.redirectUri,
    apiBaseUrl: local
      ? opts.sandboxUrl
      : INTUIT_API[opts.environment === "production" ? "production" : "sandbox"],
    appBaseUrl: local
      ? `${opts.sandboxUrl}/app`
      : INTUIT_APP[opts.environment === "production" ? "production" : "sandbox"],
  };
}

/**
 * intuit-oauth keeps its endpoints in process-global statics, so they are set once at start-up.
 * In `local` mode they point at our sandbox, which speaks Intuit's paths: only these URLs change.
 */
export function configureIntuitOAuth(config: QboConfig, sandboxUrl: string): void {
  OAuthClient.retryConfig.maxRetries = 2;
  OAuthClient.retryConfig.retryDelay = 250;
  if (config.environment !== "local") return;
  OAuthClient.authorizeEndpoint = `${sandboxUrl}/connect/oauth2`;
  OAuthClient.tokenEndpoint = `${sandboxUrl}/oauth2/v1/tokens/bearer`;
  OAuthClient.revokeEndpoint = `${sandboxUrl}/v2/oauth2/tokens/revoke`;
  OAuthClient.userinfo_endpoint_sandbox = `${sandboxUrl}/v1/openid_connect/userinfo`;
  OAuthClient.environment.sandbox = `${sandboxUrl}/`;
}
