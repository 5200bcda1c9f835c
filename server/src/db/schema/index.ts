export * from "./shops.js";
export * from "./inventory.js";
export * from "./customers.js";
