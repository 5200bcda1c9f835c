/** The only place the sandbox reads process.env (it is a separate app from the BFF). */
export interface SandboxConfig {
  port: number;
  clientId: string;
  clientSecret: string;
  stateFile?: string;
  webhookVerifierToken: string;
  webhookUrl?: string;
}

export function readSandboxConfig(env: NodeJS.ProcessEnv = process.env): SandboxConfig {
  const port = Number(env.QBO_SANDBOX_PORT ?? "4010");
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`QBO_SANDBOX_PORT is not a port: ${env.QBO_SANDBOX_PORT}`);
  const config: SandboxConfig = {
    port,
    clientId: env.QBO_CLIENT_ID || "demo-client-id",
    clientSecret: env.QBO_CLIENT_SECRET || "demo-client-secret",
    webhookVerifierToken: env.QBO_WEBHOOK_VERIFIER_TOKEN || "demo-verifier-token",
  };
  if (env.QBO_SANDBOX_STATE_FILE) config.stateFile = env.QBO_SANDBOX_STATE_FILE;
  if (env.QBO_SANDBOX_WEBHOOK_URL) config.webhookUrl = env.QBO_SANDBOX_WEBHOOK_URL;
  return config;
}
