export * from "./shops.js";
export * from "./inventory.js";
export * from "./customers.js";
export * from "./quickbooks.js";
export * from "./imports.js";
export * from "./sync.js";
export * from "./orders.js";
export * from "./onboarding.js";
