import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Import boundaries from docs/architecture.md, enforced instead of remembered. */
const noFeatureCrossing = (message) => ({
  patterns: [{ group: ["**/features/*/**", "../features/**", "../../features/**"], message }],
});

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
    files: ["shared/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@app/web*",
                "@app/server*",
                "../../web/**",
                "../../server/**",
                "react*",
                "express*",
              ],
              message: "shared depends on zod only",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["server/src/integrations/qbo/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/http/**", "**/features/**", "**/qbo-sandbox/**"],
              message: "integrations/qbo knows QBO, not Express or features",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["server/src/**/*.ts"],
    ignores: ["server/src/qbo-sandbox/**", "server/src/testing/**", "server/src/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/qbo-sandbox/**"], message: "The BFF reaches the sandbox over HTTP only" },
          ],
        },
      ],
    },
  },
  {
    files: ["server/src/qbo-sandbox/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../*", "!../qbo-sandbox/**", "@app/*"],
              message: "The sandbox is a separate app: import nothing outside its folder",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["web/src/features/*/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        noFeatureCrossing("Features don't import each other; compose them in app/"),
      ],
    },
  },
);
