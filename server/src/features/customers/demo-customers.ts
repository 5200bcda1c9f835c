import type { customers } from "../../db/schema/index.js";

type NewCustomer = Omit<typeof customers.$inferInsert, "shopId">;

/**
 * The demo shop's own customers (unlinked). Maria Gonzalez is also in the sandbox company, the
 * rest exist only here, so a customer import shows both cases.
 */
// One row per customer reads as a table.
// prettier-ignore
export const DEMO_CUSTOMERS: readonly NewCustomer[] = [
  { firstName: "Maria", lastName: "Gonzalez", email: "maria.gonzalez@example.com", phone: "(541) 555-0142", address1: "1221 Alder St", city: "Eugene", state: "OR", postalCode: "97401", country: "US" },
  { firstName: "Tom", lastName: "Becker", email: "tom.becker@example.com", phone: "(541) 555-0107", address1: "64 Monroe St", city: "Eugene", state: "OR", postalCode: "97402", country: "US" },
  { companyName: "Coastal Delivery Co.", email: "fleet@coastaldelivery.example", phone: "(541) 555-0175", address1: "2100 Roosevelt Blvd", city: "Eugene", state: "OR", postalCode: "97402", country: "US", note: "Fleet of 4 vans, invoice monthly" },
  { firstName: "Hélène", lastName: "Dubois", email: "helene.dubois@example.com", phone: "(458) 555-0131", address1: "8 Birch Ln", city: "Springfield", state: "OR", postalCode: "97477", country: "US" },
  { firstName: "Luis", lastName: "Ortega", phone: "(541) 555-0150", address1: "310 W 5th Ave", address2: "Apt 2", city: "Eugene", state: "OR", postalCode: "97401", country: "US" },
];
