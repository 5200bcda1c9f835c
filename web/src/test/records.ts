import type { Customer, Part } from "@app/shared";

/** A part as the API answers it; tests name only what they are about. */
export const aPart = (over: Partial<Part> = {}): Part => ({
  id: "00000000-0000-4000-8000-000000000001",
  kind: "inventory",
  description: "Oil filter",
  note: "",
  partNumber: "OF-2045",
  vendor: { id: "v1", name: "Parts Authority" },
  cost: "3.25",
  retailCost: "8.99",
  quantityAvailable: "48",
  criticalQuantity: "12",
  quickBooksItemRef: null,
  updatedAt: "2026-11-27T10:00:00.000Z",
  ...over,
});

/** A customer as the API answers it, every text empty unless named. */
export const aCustomer = (over: Partial<Customer> = {}): Customer => ({
  id: "00000000-0000-4000-8000-000000000001",
  firstName: "",
  lastName: "",
  companyName: "",
  email: "",
  phone: "",
  address1: "",
  address2: "",
  city: "",
  state: "",
  postalCode: "",
  country: "",
  note: "",
  quickBooksCustomerRef: null,
  updatedAt: "2026-11-27T10:00:00.000Z",
  ...over,
});
