import type { Express } from "express";

/**
 * Every /api route, with who may call it (docs/api.md: owners/admins change QuickBooks settings and
 * run imports; managers invoice and edit shop records; technicians read only) and which shop
 * record its `:id` names. The suites check this table against the app's own router stack, so
 * a route added without an entry here fails them.
 */
export type Access =
  /** No session: its own authentication (Intuit's signature, the single-use OAuth state). */
  | "public"
  /** Any role may call it; it writes nothing. */
  | "read"
  /** Owners and admins (canManageQuickBooks). */
  | "manage"
  /** Owners, admins, managers: parts, orders, invoices (canEditParts, canEditOrders, canInvoice). */
  | "edit"
  /** Any role, and it writes: a support request (see docs/promises.md for why technicians may). */
  | "anyone_writes";

export type Resource = "part" | "customer" | "order" | "import" | "export" | "notice";

export interface Fixture {
  part: string;
  customer: string;
  order: string;
  import: string;
  export: string;
  notice: string;
}

export interface RouteSpec {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  access: Access;
  /** What `:id` names; the tenant suite points it at another shop's record. */
  resource?: Resource;
  /** A well-formed body; `ids` are the caller's own records (or another shop's, in the tenant suite). */
  body?: (ids: Fixture) => object;
}

const MAPPING = {
  parts: "43",
  labor: "47",
  tires: "46",
  fees: "44",
  subcontracts: "46",
  shop_supplies: "42",
};

export const ROUTES: RouteSpec[] = [
  { method: "post", path: "/api/quickbooks/webhooks", access: "public" },
  { method: "post", path: "/api/demo/session", access: "public" },
  { method: "get", path: "/api/quickbooks/oauth/start", access: "public" },
  { method: "get", path: "/api/quickbooks/oauth/callback", access: "public" },
  { method: "get", path: "/api/me", access: "read" },
  // QuickBooks connection
  { method: "get", path: "/api/quickbooks/connection", access: "read" },
  { method: "post", path: "/api/quickbooks/connection", access: "manage" },
  { method: "delete", path: "/api/quickbooks/connection", access: "manage" },
  { method: "post", path: "/api/quickbooks/connection/switch", access: "manage" },
  { method: "delete", path: "/api/quickbooks/connection/switch", access: "manage" },
  // Imports
  {
    method: "post",
    path: "/api/quickbooks/imports",
    access: "manage",
    body: () => ({ category: "customers", dryRun: true }),
  },
  { method: "get", path: "/api/quickbooks/imports", access: "read" },
  { method: "get", path: "/api/quickbooks/imports/:id", access: "read", resource: "import" },
  {
    method: "post",
    path: "/api/quickbooks/imports/:id/cancel",
    access: "manage",
    resource: "import",
  },
  {
    method: "post",
    path: "/api/quickbooks/imports/:id/undo",
    access: "manage",
    resource: "import",
    body: () => ({ dryRun: true }),
  },
  { method: "get", path: "/api/quickbooks/health", access: "read" },
  { method: "post", path: "/api/quickbooks/health/problems/:id/retry", access: "manage" },
  { method: "post", path: "/api/quickbooks/health/problems/:id/dismiss", access: "manage" },
  {
    method: "get",
    path: "/api/quickbooks/imports/:id/records",
    access: "read",
    resource: "import",
  },
  {
    method: "get",
    path: "/api/quickbooks/imports/:id/records.csv",
    access: "read",
    resource: "import",
  },
  // Inventory
  { method: "get", path: "/api/inventory", access: "read" },
  {
    method: "post",
    path: "/api/inventory",
    access: "edit",
    body: () => ({ kind: "inventory", description: "Role test part", quantityAvailable: "1" }),
  },
  { method: "get", path: "/api/inventory/:id", access: "read", resource: "part" },
  {
    method: "patch",
    path: "/api/inventory/:id",
    access: "edit",
    resource: "part",
    body: () => ({ note: "changed" }),
  },
  { method: "get", path: "/api/inventory/:id/movements", access: "read", resource: "part" },
  { method: "post", path: "/api/inventory/:id/unlink", access: "manage", resource: "part" },
  {
    method: "post",
    path: "/api/inventory/:id/adjustments/:adjustmentId/retry",
    access: "edit",
    resource: "part",
  },
  {
    method: "post",
    path: "/api/inventory/:id/quickbooks-item",
    access: "manage",
    resource: "part",
  },
  // Customers
  { method: "get", path: "/api/customers", access: "read" },
  { method: "get", path: "/api/customers/:id", access: "read", resource: "customer" },
  // Sync
  { method: "get", path: "/api/quickbooks/sync", access: "read" },
  {
    method: "put",
    path: "/api/quickbooks/sync/settings",
    access: "manage",
    body: () => ({ category: "inventory", keepInSync: false }),
  },
  {
    method: "post",
    path: "/api/quickbooks/sync/notices/:id",
    access: "manage",
    resource: "notice",
    body: () => ({ decision: "keep" }),
  },
  { method: "get", path: "/api/quickbooks/sync/drift", access: "read" },
  {
    method: "post",
    path: "/api/quickbooks/sync/drift/fix",
    access: "manage",
    body: (ids) => ({ action: "take_quickbooks", partIds: [ids.part] }),
  },
  // Accounting
  { method: "get", path: "/api/quickbooks/items", access: "read" },
  { method: "get", path: "/api/quickbooks/accounting", access: "read" },
  { method: "get", path: "/api/quickbooks/adjustment-accounts", access: "read" },
  {
    method: "put",
    path: "/api/quickbooks/accounting",
    access: "manage",
    body: () => ({ categoryItems: MAPPING, autoSendInvoices: false }),
  },
  // Orders
  { method: "get", path: "/api/orders", access: "read" },
  {
    method: "post",
    path: "/api/orders",
    access: "edit",
    body: (ids) => ({
      customerId: ids.customer,
      lines: [{ kind: "part", partId: ids.part, quantity: "1" }],
    }),
  },
  { method: "get", path: "/api/orders/:id", access: "read", resource: "order" },
  {
    method: "patch",
    path: "/api/orders/:id",
    access: "edit",
    resource: "order",
    body: (ids) => ({ lines: [{ kind: "part", partId: ids.part, quantity: "2" }] }),
  },
  { method: "post", path: "/api/orders/:id/invoice", access: "edit", resource: "order" },
  { method: "post", path: "/api/orders/:id/quickbooks", access: "edit", resource: "order" },
  // Where to start
  { method: "get", path: "/api/quickbooks/starting-situation", access: "read" },
  {
    method: "put",
    path: "/api/quickbooks/starting-situation",
    access: "manage",
    body: () => ({ situation: "both" }),
  },
  { method: "get", path: "/api/quickbooks/onboarding/status", access: "read" },
  { method: "post", path: "/api/quickbooks/onboarding/inventory-sync", access: "manage" },
  {
    method: "post",
    path: "/api/quickbooks/support-requests",
    access: "anyone_writes",
    body: () => ({ message: "Please help" }),
  },
  { method: "get", path: "/api/quickbooks/support-requests", access: "read" },
  // Export to QuickBooks and reconciliation
  {
    method: "post",
    path: "/api/quickbooks/exports/preview",
    access: "manage",
    body: (ids) => ({ partIds: [ids.part] }),
  },
  {
    method: "post",
    path: "/api/quickbooks/exports",
    access: "manage",
    body: (ids) => ({ partIds: [ids.part] }),
  },
  { method: "get", path: "/api/quickbooks/exports", access: "read" },
  { method: "get", path: "/api/quickbooks/exports/:id", access: "read", resource: "export" },
  {
    method: "get",
    path: "/api/quickbooks/exports/:id/records",
    access: "read",
    resource: "export",
  },
  {
    method: "post",
    path: "/api/quickbooks/exports/:id/retry",
    access: "manage",
    resource: "export",
  },
  // The reconciliation proposal is read-only but reveals the whole catalog side by side with
  // QuickBooks', so it is limited to the roles that can act on it.
  { method: "get", path: "/api/quickbooks/reconciliation", access: "manage" },
  { method: "post", path: "/api/quickbooks/reconciliation/refresh", access: "manage" },
  {
    method: "post",
    path: "/api/quickbooks/reconciliation",
    access: "manage",
    body: (ids) => ({
      pairs: [{ partId: ids.part, quickBooksId: "1" }],
      importOnlyInQuickBooks: false,
      createOnlyInShopmonkey: false,
    }),
  },
  { method: "get", path: "/api/quickbooks/reconciliation/runs", access: "read" },
];

interface Layer {
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every route the app serves under /api, read from Express's own router stack. */
export function appRoutes(app: Express): string[] {
  const out: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const m of Object.keys(layer.route.methods))
          out.push(`${m.toUpperCase()} ${prefix}${layer.route.path}`);
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, prefix + (layer.rawPath === "/" ? "" : (layer.rawPath ?? "")));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, "");
  return out.filter((r) => r.split(" ")[1]?.startsWith("/api/")).sort();
}

export const tableRoutes = (): string[] =>
  ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();

export const fillPath = (spec: RouteSpec, ids: Fixture): string =>
  spec.resource ? spec.path.replace(":id", encodeURIComponent(ids[spec.resource])) : spec.path;
