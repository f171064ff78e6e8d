/** Returns against receipts or with approval, and voids of completed sales. */
export type { ReturnResponse, VoidInfo } from "../../api/store/returns.ts";
export { returnsRoutes } from "./routes.ts";
export { ReturnsService } from "./service.ts";
export { SaleVoidService, type VoidedSale } from "./void-service.ts";
