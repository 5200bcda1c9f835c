export * from "./errors.js";
export * from "./session.js";
export * from "./decimal.js";
export * from "./paging.js";
export * from "./quickbooks.js";
export * from "./imports.js";
export * from "./inventory.js";
export * from "./customers.js";
