/** Exchanges: a return and a new sale in one transaction. */
export type { ExchangeRequest, ExchangeResponse } from "../../api/store/exchanges.ts";
export { exchangesRoutes } from "./routes.ts";
export { ExchangesService } from "./service.ts";
