/** The consent page: sandbox companies with a Connect button each, and Cancel. */
import type { Company } from "../companies/company.js";

export interface AuthorizeParams {
  client_id: string;
  redirect_uri: string;
  scope: string;
  state: string;
}

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );

function hidden(p: AuthorizeParams): string {
  return (Object.keys(p) as (keyof AuthorizeParams)[])
    .map((k) => `<input type="hidden" name="${k}" value="${esc(p[k])}">`)
    .join("");
}

export function consentPage(params: AuthorizeParams, companies: readonly Company[]): string {
  const rows = companies
    .map(
      (c) => `
    <li><form method="post" action="/connect/oauth2/decision">${hidden(params)}
      <input type="hidden" name="realmId" value="${esc(c.realmId)}">
      <span class="name">${esc(c.name)}</span> <small>realmId ${esc(c.realmId)}</small>
      <button type="submit" name="decision" value="approve" data-realm-id="${esc(c.realmId)}">Connect</button>
    </form></li>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Connect to QuickBooks (sandbox)</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto}li{margin:.5rem 0}small{color:#666}</style>
</head><body>
<h1>QuickBooks Online sandbox</h1>
<p>An app (<code>${esc(params.client_id)}</code>) wants to connect to a company. This is the offline sandbox, not Intuit.</p>
<p>Requested access: <code>${esc(params.scope)}</code></p>
<ul>${rows || "<li>No companies: create one with POST /_sandbox/companies.</li>"}</ul>
<form method="post" action="/connect/oauth2/decision">${hidden(params)}
  <button type="submit" name="decision" value="deny">Cancel</button>
</form>
</body></html>`;
}

export function errorPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sandbox OAuth error</title></head>
<body><h1>Something went wrong</h1><p>${esc(message)}</p></body></html>`;
}
