/** Builders for stored entities in Intuit's JSON shape, shared by the demo and generator. */
import type { Entity, JsonObject } from "../json.js";
import { HOME_CURRENCY, OFFERING_SKU, tracksInventory, type Edition } from "./edition.js";
import { isoSeconds } from "../time.js";

export function ref(value: string, name?: string): JsonObject {
  return name === undefined ? { value } : { value, name };
}

export function metaData(createdMs: number, updatedMs = createdMs): JsonObject {
  return { CreateTime: isoSeconds(createdMs), LastUpdatedTime: isoSeconds(updatedMs) };
}

export function address(
  line1?: string,
  city?: string,
  state?: string,
  zip?: string,
): JsonObject | undefined {
  if (!line1 && !city) return undefined;
  const a: JsonObject = { Id: "0" };
  if (line1) a.Line1 = line1;
  if (city) a.City = city;
  if (state) a.CountrySubDivisionCode = state;
  if (zip) a.PostalCode = zip;
  a.Country = "USA";
  return a;
}

/** Common envelope fields every entity carries (docs/quickbooks.md §4). */
export function envelope(id: string, meta: JsonObject, syncToken = "0"): Entity {
  return { Id: id, SyncToken: syncToken, domain: "QBO", sparse: false, MetaData: meta };
}

/** CompanyInfo as Intuit shows the plan (`OfferingSku`) and the company's country. */
export function companyInfoEntity(name: string, createdMs: number, edition: Edition): Entity {
  const addr: JsonObject = {
    Id: "1",
    Line1: "2150 W 6th Ave",
    City: "Eugene",
    CountrySubDivisionCode: "OR",
    PostalCode: "97402",
    Country: edition.country,
  };
  return {
    CompanyName: name,
    LegalName: name,
    CompanyAddr: addr,
    CustomerCommunicationAddr: addr,
    LegalAddr: addr,
    PrimaryPhone: { FreeFormNumber: "(541) 555-0100" },
    CompanyStartDate: "2019-03-01",
    FiscalYearStartMonth: "January",
    Country: edition.country,
    Email: { Address: "office@riverside-auto.example" },
    WebAddr: {},
    SupportedLanguages: "en",
    NameValue: [
      { Name: "NeoEnabled", Value: "true" },
      { Name: "IndustryType", Value: "Automotive Repair" },
      { Name: "CompanyType", Value: "LLC" },
      { Name: "SubscriptionStatus", Value: "SUBSCRIBED" },
      { Name: "OfferingSku", Value: OFFERING_SKU[edition.plan] },
    ],
    ...envelope("1", metaData(createdMs)),
  };
}

/** Preferences: quantity on hand is on only where the plan tracks inventory. */
export function preferencesEntity(createdMs: number, edition: Edition): Entity {
  const tracking = tracksInventory(edition);
  return {
    AccountingInfoPrefs: {
      TrackDepartments: false,
      ClassTrackingPerTxn: false,
      CustomerTerminology: "Customers",
    },
    ProductAndServicesPrefs: {
      ForSales: true,
      ForPurchase: true,
      QuantityWithPriceAndRate: true,
      QuantityOnHand: tracking,
    },
    ItemCategoriesPrefs: { ItemCategoriesEnabled: true },
    InventoryPrefs: { TrackingQuantityOnHand: tracking },
    SalesFormsPrefs: {
      CustomTxnNumbers: false,
      AllowDeposit: false,
      AllowDiscount: true,
      DefaultTerms: { value: "3" },
      DefaultCustomerMessage: "Thank you for choosing Riverside Auto Parts!",
    },
    CurrencyPrefs: {
      MultiCurrencyEnabled: false,
      HomeCurrency: { value: HOME_CURRENCY[edition.country] },
    },
    TaxPrefs: { UsingSalesTax: false },
    OtherPrefs: { NameValue: [{ Name: "SalesFormsPrefs.DefaultItem", Value: "1" }] },
    ...envelope("1", metaData(createdMs)),
  };
}
