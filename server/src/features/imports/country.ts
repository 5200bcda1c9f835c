/**
 * QuickBooks US companies write `BillAddr.Country` as a 3-letter code ("USA"), others as a name
 * or a 2-letter code; Shopmonkey's customer field holds the 2-letter ISO 3166 code ("US"). The
 * countries a shop here meets are mapped; anything else is kept as QuickBooks wrote it.
 */
const ALPHA3: Record<string, string> = {
  USA: "US",
  CAN: "CA",
  MEX: "MX",
  GBR: "GB",
  IRL: "IE",
  AUS: "AU",
  NZL: "NZ",
  FRA: "FR",
  DEU: "DE",
  ESP: "ES",
  ITA: "IT",
  NLD: "NL",
  BEL: "BE",
  CHE: "CH",
  PRI: "PR",
  IND: "IN",
};
const NAMES: Record<string, string> = {
  "united states": "US",
  "united states of america": "US",
  canada: "CA",
  mexico: "MX",
  "united kingdom": "GB",
  australia: "AU",
  france: "FR",
};

export function countryCode(raw: string | undefined): string {
  const value = raw?.trim() ?? "";
  return ALPHA3[value.toUpperCase()] ?? NAMES[value.toLowerCase()] ?? value;
}
