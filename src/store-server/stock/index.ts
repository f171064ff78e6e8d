/** Stock: the movement ledger, on-hand levels and manual adjustments. */

export type { StockLevel, StockMovement } from "../../api/store/stock.ts";
export { type MovementInput, moveStock } from "./ledger.ts";
export { stockRoutes } from "./routes.ts";
export { parseSignedQuantityMilli, StockService } from "./service.ts";
