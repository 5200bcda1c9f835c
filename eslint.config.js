import { readdirSync } from "node:fs";
import js from "@eslint/js";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * Import boundaries from docs/architecture.md, enforced instead of remembered. They are checked
 * on the path an import resolves to, not on its spelling, so `../../other-feature/x` is caught
 * as surely as `features/other-feature/x`.
 */
const webFeatures = readdirSync(new URL("web/src/features", import.meta.url), {
  withFileTypes: true,
})
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const zones = [
  ...webFeatures.map((feature) => ({
    target: `./web/src/features/${feature}`,
    from: "./web/src/features",
    except: [`./${feature}`],
    message:
      "Features don't import each other: compose them in web/src/app, share through lib/ or components/ui",
  })),
  {
    target: ["./web/src/components", "./web/src/lib", "./web/src/i18n"],
    from: ["./web/src/features", "./web/src/app"],
    message: "components/ui, lib and i18n serve every feature and know none of them",
  },
  {
    target: "./server/src/integrations/qbo",
    from: ["./server/src/features", "./server/src/http", "./server/src/qbo-sandbox"],
    message: "integrations/qbo knows QuickBooks, not Express, our features or the sandbox",
  },
  {
    target: ["./server/src/lib", "./server/src/db", "./server/src/http", "./server/src/config"],
    from: "./server/src/features",
    message: "lib, db, http and config serve every feature and know none of them",
  },
  {
    target: "./server/src/qbo-sandbox",
    from: "./server/src",
    except: ["./qbo-sandbox"],
    message: "The sandbox is a separate app: it imports nothing outside its folder",
  },
  {
    target: "./server/src/qbo-sandbox",
    from: ["./shared", "./web", "./e2e", "./server/scripts", "./server/bench"],
    message: "The sandbox is a separate app: it imports nothing outside its folder",
  },
  {
    target: "./shared",
    from: ["./web", "./server", "./e2e"],
    message: "shared depends on zod only",
  },
];

const serverFeatures = readdirSync(new URL("server/src/features", import.meta.url), {
  withFileTypes: true,
})
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/**
 * What a server feature offers the others (docs/architecture.md, "Server features"): every
 * other file of a feature is its own. A new crossing is a deliberate line here, not an accident.
 */
const serverShared = [
  "quickbooks-links/item-link.ts", // the item link (decision 0011)
  "quickbooks-links/item-fields.ts", // item ⇄ part fields
  "quickbooks-links/realm.repository.ts", // which company a link belongs to (decision 0007)
  "quickbooks-links/switch-company.ts", // the connection confirms a company switch
  "quickbooks-export/accounts.ts", // the item accounts an item body names
  "quickbooks-connection/connection.repository.ts", // the shop's connection
  "quickbooks-connection/capabilities.ts", // what the company's plan allows
  "accounting/accounting.repository.ts", // the category mapping
  "accounting/adjustment-account.ts", // the account a stock adjustment posts to
  "sync/settings.repository.ts", // keep-in-sync settings
  "sync/item-state.repository.ts", // an item's sync baseline, recorded and forgotten with its link
  "sync/sync.worker.ts", // the sync's queue (webhooks, Health's Retry)
  "sync/pending.repository.ts", // webhook work waiting for the sync
  "sync/merge.ts", // a QuickBooks merge, from webhooks
  "sync/read-item.ts", // one item read, as the sync reads it
  "sync/drift-fix.service.ts", // the reconciliation keeps a side's values through it
  "imports/imports.service.ts", // an export's follow-up imports
  "imports/mappers.ts", // QuickBooks customers → ours, for the sync
  "inventory/inventory.service.ts", // the demo shop's parts; Health's Retry of an adjustment
  "inventory/inventory.mapper.ts", // a part as the API answers it
  "inventory/parts.repository.ts", // parts an export reads
  "inventory/demo-parts.ts", // the demo shop's parts
  "customers/demo-customers.ts", // the demo shop's customers
  "orders/orders.service.ts", // Health's Retry of an invoice send
  "orders/quickbooks/invoice.worker.ts", // the invoice queue, for Health's Retry
  "orders/quickbooks/own-writes.ts", // our own QuickBooks writes, netted out by the sync
  "inventory/quickbooks/adjustment.worker.ts", // the adjustment queue, for Health's Retry
  "inventory/quickbooks/adjustments.repository.ts", // a drift push is a stock adjustment
  "inventory/quickbooks/send-adjustments.ts", // … sent the way a count is
];

const serverFeatureZones = serverFeatures.map((feature) => ({
  target: `./server/src/features/${feature}`,
  from: "./server/src/features",
  except: [`./${feature}`, ...serverShared.map((file) => `./${file}`)],
  message:
    "Server features import each other only through the shared modules named in eslint.config.js (docs/architecture.md)",
}));

/** The BFF itself (not its tests, test helpers or the sandbox) reaches the sandbox over HTTP only. */
const bffZones = [
  ...zones,
  ...serverFeatureZones,
  {
    target: "./server/src",
    from: "./server/src/qbo-sandbox",
    message: "The BFF reaches the sandbox over HTTP only (decision 0001)",
  },
];

const sharedDependsOnZod = {
  group: ["@app/web*", "@app/server*", "react*", "express*"],
  message: "shared depends on zod only",
};

/**
 * The schemas of what the web's shell reads (/api/me, the connection, Health, errors): written
 * with zod/mini, which bundles only what they use, so classic zod stays off the first page.
 */
const firstPageSchemas = ["session", "quickbooks", "health", "errors", "skip-reasons"].map(
  (name) => `shared/src/${name}.ts`,
);

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/.data/**",
      "server/drizzle/**",
      "**/test-results/**",
      "**/playwright-report/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      "@typescript-eslint/only-throw-error": "off",
    },
  },
  {
    // supertest and Playwright hand back untyped JSON bodies; tests assert on them directly.
    files: ["**/*.test.ts", "**/*.test.tsx", "e2e/**/*.ts", "server/src/testing/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["web/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ["web/src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "sonner",
              allowTypeImports: true,
              message:
                "Toasts go through web/src/lib/toast.ts, which keeps sonner off the first page",
            },
            {
              name: "zod",
              allowTypeImports: true,
              message:
                "The web's own schemas use zod/mini: classic zod stays off the first page (docs/performance.md)",
            },
          ],
        },
      ],
    },
  },
  {
    // Packages, which path zones can't name: shared is zod and nothing else.
    files: ["shared/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [sharedDependsOnZod] }],
    },
  },
  {
    files: firstPageSchemas,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [sharedDependsOnZod],
          paths: [
            {
              name: "zod",
              allowTypeImports: true,
              message:
                "The web's first page reads these schemas: zod/mini only, or classic zod joins the first page (docs/performance.md)",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [
        createNodeResolver({
          extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
          // Server code imports "./x.js" and means x.ts (NodeNext); the web omits extensions.
          extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
          conditionNames: ["types", "import", "default"],
        }),
      ],
    },
    rules: {
      "import-x/no-restricted-paths": ["error", { zones, basePath: import.meta.dirname }],
      // A zone is checked on the resolved file: an import the resolver can't follow would slip
      // past every zone, so it is an error of its own.
      "import-x/no-unresolved": "error",
      // Type-only imports are erased at build time, so they can't form a runtime cycle.
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: ["server/src/**/*.ts"],
    ignores: ["server/src/qbo-sandbox/**", "server/src/testing/**", "server/src/**/*.test.ts"],
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: bffZones, basePath: import.meta.dirname }],
    },
  },
);
