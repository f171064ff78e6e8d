/** Held (parked) sales kept by the store for any till to resume. */
export type { HeldSale } from "../../api/store/held.ts";
export { heldRoutes } from "./routes.ts";
export { HeldSalesService } from "./service.ts";
