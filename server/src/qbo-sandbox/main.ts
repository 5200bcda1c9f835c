/** `pnpm sandbox`: runs the QBO sandbox as its own process. */
import { readSandboxConfig } from "./config.js";
import { startSandbox } from "./start.js";

const config = readSandboxConfig();
const sandbox = await startSandbox({
  port: config.port,
  clientId: config.clientId,
  clientSecret: config.clientSecret,
  webhookVerifierToken: config.webhookVerifierToken,
  ...(config.stateFile ? { persistPath: config.stateFile } : {}),
  ...(config.webhookUrl ? { webhookUrl: config.webhookUrl } : {}),
  log: (line) => console.error(line),
});
console.log(
  `QBO sandbox listening on ${sandbox.url} (demo realmId ${sandbox.demoRealmId}${config.stateFile ? `, state in ${config.stateFile}` : ""})`,
);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void sandbox.close().then(() => process.exit(0));
};
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, stop);
// Started by `pnpm start`'s launcher over an IPC channel: if the launcher dies, so do we.
if (process.send) process.on("disconnect", stop);
