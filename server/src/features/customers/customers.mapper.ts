import type { Customer } from "@app/shared";
import type { customers } from "../../db/schema/index.js";

export type CustomerRow = typeof customers.$inferSelect;

/** Row → API: the columns the customer import writes, field for field. */
export function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    companyName: row.companyName,
    email: row.email,
    phone: row.phone,
    address1: row.address1,
    address2: row.address2,
    city: row.city,
    state: row.state,
    postalCode: row.postalCode,
    country: row.country,
    note: row.note,
    quickBooksCustomerRef: row.quickBooksCustomerRef,
    updatedAt: row.updatedAt.toISOString(),
  };
}
