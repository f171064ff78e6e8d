/** Stock: the movement ledger, on-hand levels and manual adjustments. */
export { type MovementInput, moveStock } from "./ledger.ts";
export type { StockLevel, StockMovement } from "./model.ts";
export { stockRoutes } from "./routes.ts";
export { parseSignedQuantityMilli, StockService } from "./service.ts";
