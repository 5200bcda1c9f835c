import { describe, expect, it } from "vitest";
import { buildResources, LANGUAGES, resources } from ".";

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

describe("translations", () => {
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
});
