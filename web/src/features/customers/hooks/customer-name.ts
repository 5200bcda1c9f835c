import type { Customer } from "@app/shared";

/** A person's name, else the company (QuickBooks may give only a company or display name). */
export function customerName(c: Pick<Customer, "firstName" | "lastName" | "companyName">): string {
  const person = `${c.firstName} ${c.lastName}`.trim();
  return person || c.companyName;
}
