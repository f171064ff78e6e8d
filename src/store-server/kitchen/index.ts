/** The kitchen: rounds split into station tickets, kitchen displays, and kitchen printers. */
export { KitchenError } from "./errors.ts";
export { type KitchenPrinter, KitchenPrinters, type OpenKitchenPrinter } from "./printers.ts";
export { enqueueKitchenRound, fireKitchenRound, type KitchenActor, roundStatus } from "./rounds.ts";
export { kitchenRoutes } from "./routes.ts";
export { kitchenWatchOf } from "./watch.ts";
