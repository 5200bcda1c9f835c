import type { ResourceLanguage } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import i18n, { LANGUAGES } from ".";
import { buildResources } from "./resources";

// Every language at once, as the files are (the app itself loads one language at a time).
const resources = buildResources(
  import.meta.glob<ResourceLanguage>("./locales/*/*.json", { eager: true, import: "default" }),
);

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

describe("translations", () => {
  beforeAll(async () => {
    await i18n.loadLanguages([...LANGUAGES]);
  });

  it("has the same namespaces and keys in every language", () => {
    const [first, ...others] = LANGUAGES;
    const reference = resources[first] as Record<string, Tree>;
    for (const lng of others) {
      const other = resources[lng] as Record<string, Tree>;
      expect(Object.keys(other).sort()).toEqual(Object.keys(reference).sort());
      for (const ns of Object.keys(reference)) {
        expect(keys(other[ns] ?? {}).sort(), `${lng}/${ns}.json`).toEqual(
          keys(reference[ns] ?? {}).sort(),
        );
      }
    }
  });

  it("uses the product's words", () => {
    const fr = resources.fr as Record<string, Tree>;
    expect((fr.quickbooks?.tabs as Tree).import).toBe("Importer et synchroniser");
    expect((fr.quickbooks?.tabs as Tree).accounting).toBe("Configurer la comptabilité");
    expect((fr.shell?.nav as Tree).settings).toBe("Paramètres");
  });

  it("files a JSON under its language and namespace by path", () => {
    expect(buildResources({ "./locales/fr/orders.json": { a: "b" } })).toEqual({
      fr: { orders: { a: "b" } },
    });
  });

  it("counts with i18next plurals in both languages: never “Create 1 parts”", () => {
    const en = i18n.getFixedT("en", "onboarding");
    const fr = i18n.getFixedT("fr", "onboarding");
    expect(en("export.startCreate", { count: 1 })).toBe("Create 1 part in QuickBooks");
    expect(en("export.startCreate", { count: 8 })).toBe("Create 8 parts in QuickBooks");
    expect(fr("export.startCreate", { count: 1 })).toBe("Créer 1 pièce dans QuickBooks");
    expect(fr("export.startCreate", { count: 8 })).toBe("Créer 8 pièces dans QuickBooks");
    // A count beside a noun is a plural key everywhere; "(3)" after a title needs none.
    for (const lng of LANGUAGES)
      for (const [ns, tree] of Object.entries(resources[lng] as Record<string, Tree>))
        for (const key of keys(tree)) {
          const value = key.split(".").reduce<Tree | string>((t, k) => (t as Tree)[k] ?? "", tree);
          if (typeof value !== "string" || !value.includes("{{count}}")) continue;
          if (/\(\{\{count\}\}\)/.test(value)) continue;
          expect(key, `${lng}/${ns}.json ${key}: "${value}"`).toMatch(/_(one|many|other)$/);
        }
  });
});
