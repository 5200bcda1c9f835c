/**
 * A stand-in for QuickBooks Online's own web pages, so "Open in QuickBooks" works offline:
 * `/app/item?itemId=` and `/app/customerdetail?nameId=`, the paths of Intuit's app. Intuit's
 * app knows the signed-in company; the sandbox has no such session, so it shows the record of
 * every company that has one with that Id (pass `realmId` to pick one).
 */
import { Router } from "express";
import type { EntityName } from "./companies/company.js";
import type { SandboxState } from "./state.js";

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );
const text = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");

export function appPages(state: SandboxState): Router {
  const router = Router();
  const page = (type: EntityName, param: string, fields: readonly string[]) =>
    router.get(`/${type === "Item" ? "item" : "customerdetail"}`, (req, res) => {
      const id = text(req.query[param]);
      const realm = text(req.query.realmId);
      const found = [...state.companies.values()]
        .filter((c) => !realm || c.realmId === realm)
        .flatMap((c) => {
          const row = c.get(type, id);
          return row ? [{ company: c.name, realmId: c.realmId, e: row.e }] : [];
        });
      const sections = found
        .map(
          (f) =>
            `<section><h2>${esc(f.company)} <small>realmId ${esc(f.realmId)}</small></h2><dl>${fields
              .map((k) => `<dt>${esc(k)}</dt><dd>${esc(text(f.e[k]))}</dd>`)
              .join("")}</dl></section>`,
        )
        .join("");
      res
        .status(found.length ? 200 : 404)
        .set("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'")
        .type("html")
        .send(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${type} ${esc(id)} · QuickBooks (sandbox)</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto}small{color:#666}dt{font-weight:600}dd{margin:0 0 .5rem}</style></head>
<body><h1>${type} ${esc(id)}</h1><p>QuickBooks Online sandbox (offline), not Intuit.</p>${sections || "<p>No company has this record.</p>"}</body></html>`,
        );
    });
  page("Item", "itemId", ["Name", "Sku", "Type", "QtyOnHand", "UnitPrice", "PurchaseCost"]);
  page("Customer", "nameId", ["DisplayName", "CompanyName", "PrimaryEmailAddr"]);
  return router;
}
