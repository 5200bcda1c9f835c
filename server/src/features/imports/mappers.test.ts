import { describe, expect, it } from "vitest";
import { QboCustomerSchema, QboItemSchema } from "../../integrations/qbo/schemas.js";
import { parseRecord, toCustomerFields } from "./mappers.js";
import { toPartFields } from "../quickbooks-links/item-fields.js";
import { skuKey } from "../quickbooks-links/item-link.js";

const item = (extra: Record<string, unknown>) =>
  QboItemSchema.parse({ Id: "21", Name: "Motor Oil 5W-30", Type: "Inventory", ...extra });

describe("toPartFields", () => {
  it("maps Name → description and Description → note, exactly as docs/product.md says", () => {
    const f = toPartFields(
      item({
        Sku: " OIL-5W30-QT ",
        Description: "Full synthetic, by the quart",
        PurchaseCost: 4.1,
        UnitPrice: 9.49,
        QtyOnHand: 37.5,
        ReorderPoint: 20,
        PrefVendorRef: { value: "53", name: "O'Reilly" },
      }),
    );
    expect(f).toEqual({
      kind: "inventory",
      description: "Motor Oil 5W-30",
      note: "Full synthetic, by the quart",
      partNumber: "OIL-5W30-QT",
      cost: "4.1",
      retailCost: "9.49",
      quantityAvailable: "37.5",
      criticalQuantity: "20",
      quickBooksItemRef: "21",
      vendorRef: { value: "53", name: "O'Reilly" },
    });
  });

  it("leaves both quantities null for non-inventory and services", () => {
    for (const Type of ["NonInventory", "Service"]) {
      const f = toPartFields(item({ Type, QtyOnHand: 5, ReorderPoint: 1 }));
      expect(f).toMatchObject({
        kind: "non_inventory",
        quantityAvailable: null,
        criticalQuantity: null,
      });
    }
  });

  it("fills what QuickBooks leaves out with empty text and zero money", () => {
    expect(toPartFields(item({}))).toMatchObject({
      note: "",
      partNumber: "",
      cost: "0",
      retailCost: "0",
      quantityAvailable: "0",
      criticalQuantity: null,
      vendorRef: null,
    });
  });

  it("writes tiny numbers without exponents, and the largest amount our contract holds", () => {
    expect(toPartFields(item({ PurchaseCost: 1e-7, UnitPrice: 999_999_999_999.99 }))).toMatchObject(
      {
        cost: "0.0000001",
        retailCost: "999999999999.99",
      },
    );
  });

  it("skips a number with more digits than can be kept exactly, naming the field", () => {
    expect(
      parseRecord(QboItemSchema, { Id: "21", Name: "x", Type: "Inventory", UnitPrice: 1e21 }),
    ).toEqual({ ok: false, reason: { code: "invalid_data", params: { field: "UnitPrice" } } });
  });
});

describe("skuKey", () => {
  it("trims and ignores case", () => expect(skuKey("  bp-1001 ")).toBe(skuKey("BP-1001")));
  it("treats a missing Sku as empty", () => expect(skuKey(undefined)).toBe(""));
});

describe("toCustomerFields", () => {
  const customer = (extra: Record<string, unknown>) =>
    QboCustomerSchema.parse({ Id: "7", ...extra });

  it("maps names, contact, billing address and notes", () => {
    expect(
      toCustomerFields(
        customer({
          DisplayName: "Priya Raman",
          GivenName: "Priya",
          FamilyName: "Raman",
          PrimaryEmailAddr: { Address: "priya@example.com" },
          PrimaryPhone: { FreeFormNumber: "(458) 555-0121" },
          BillAddr: {
            Line1: "55 Oak Hill Dr",
            Line2: "Unit 2",
            City: "Springfield",
            CountrySubDivisionCode: "OR",
            PostalCode: "97478",
            Country: "USA",
          },
          Notes: "Prefers texts",
        }),
      ),
    ).toEqual({
      firstName: "Priya",
      lastName: "Raman",
      companyName: "",
      email: "priya@example.com",
      phone: "(458) 555-0121",
      address1: "55 Oak Hill Dr",
      address2: "Unit 2",
      city: "Springfield",
      state: "OR",
      postalCode: "97478",
      country: "US", // QuickBooks' 3-letter code, as Shopmonkey's 2-letter field holds it
      note: "Prefers texts",
      quickBooksCustomerRef: "7",
    });
  });

  it("falls back to the mobile number", () => {
    expect(toCustomerFields(customer({ Mobile: { FreeFormNumber: "555-0100" } })).phone).toBe(
      "555-0100",
    );
  });

  it("uses DisplayName as the company only when no person or company name is given", () => {
    expect(toCustomerFields(customer({ DisplayName: "Cash sale" })).companyName).toBe("Cash sale");
    expect(toCustomerFields(customer({ DisplayName: "Bob", GivenName: "Bob" })).companyName).toBe(
      "",
    );
    expect(toCustomerFields(customer({ DisplayName: "X", CompanyName: "Acme" })).companyName).toBe(
      "Acme",
    );
  });
});

describe("parseRecord", () => {
  it("names the bad field of an invalid record", () => {
    expect(
      parseRecord(QboItemSchema, { Id: "9", Name: "Bolt", Type: "Inventory", UnitPrice: "cheap" }),
    ).toEqual({
      ok: false,
      reason: { code: "invalid_data", params: { field: "UnitPrice" } },
    });
  });
});
