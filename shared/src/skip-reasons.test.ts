import { describe, expect, it } from "vitest";
import {
  readerLanguage,
  SKIP_REASON_TEXTS,
  SkipReasonCodeSchema,
  skipReasonText,
} from "./skip-reasons.js";

describe("skip reasons", () => {
  it("says each code in both languages, with its parameters and plurals", () => {
    const shared = { count: 2, sku: "BP-1001" };
    expect(skipReasonText("en", "sku_shared_in_quickbooks", shared)).toBe(
      "conflict: 2 QuickBooks items share SKU BP-1001",
    );
    expect(skipReasonText("fr", "sku_shared_in_quickbooks", shared)).toBe(
      "conflit : 2 articles QuickBooks partagent le SKU BP-1001",
    );
    expect(skipReasonText("fr", "invalid_data", { field: "UnitPrice" })).toBe(
      "données invalides : UnitPrice",
    );
    for (const lang of ["en", "fr"] as const)
      for (const code of SkipReasonCodeSchema.options)
        expect(skipReasonText(lang, code, shared)).not.toBe(code);
    expect(Object.keys(SKIP_REASON_TEXTS.fr).sort()).toEqual(
      Object.keys(SKIP_REASON_TEXTS.en).sort(),
    );
  });

  it("reads the downloader's language from a tag or an Accept-Language header", () => {
    expect(readerLanguage("fr-CA,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(readerLanguage("fr")).toBe("fr");
    expect(readerLanguage("en-US,fr;q=0.5")).toBe("en");
    expect(readerLanguage("de")).toBe("en");
    expect(readerLanguage(undefined)).toBe("en");
  });
});
