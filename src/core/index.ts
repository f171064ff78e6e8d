/**
 * The public door of the pure domain: what the till, the servers and the devices may use.
 * Everything here is free of I/O.
 */

export * from "./as-rung.ts";
export * from "./barcode.ts";
export * from "./cash-rounding.ts";
export * from "./deposits.ts";
export * from "./discount.ts";
export * from "./embedded-barcode.ts";
export * from "./errors.ts";
export * from "./events.ts";
export * from "./ids.ts";
export * from "./money.ts";
export * from "./pricing.ts";
export * from "./pricing-errors.ts";
export * from "./quantity.ts";
export * from "./receipt.ts";
export * from "./rounding.ts";
export * from "./settings.ts";
export * from "./tax.ts";
export * from "./tender-eligibility.ts";
export * from "./tenders.ts";
