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

/** The BFF itself (not its tests, test helpers or the sandbox) reaches the sandbox over HTTP only. */
const bffZones = [
  ...zones,
  {
    target: "./server/src",
    from: "./server/src/qbo-sandbox",
    message: "The BFF reaches the sandbox over HTTP only (decision 0001)",
  },
];

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
    // Packages, which path zones can't name: shared is zod and nothing else.
    files: ["shared/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@app/web*", "@app/server*", "react*", "express*"],
              message: "shared depends on zod only",
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
