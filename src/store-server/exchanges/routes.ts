import { Elysia } from "elysia";
import { exchangeRequestSchema } from "../../api/store/exchanges.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { ExchangesService } from "./service.ts";

export function exchangesRoutes(ctx: StoreContext, service = new ExchangesService(ctx)) {
  return new Elysia({ name: "ringup.store.exchanges" }).use(requireAuth(ctx)).post(
    "/exchanges",
    async ({ body, principal, set }) => {
      const { exchange, created } = await service.record(body, principal);
      set.status = created ? 201 : 200;
      return exchange;
    },
    {
      body: exchangeRequestSchema,
      detail: {
        summary:
          "Goods back and a new sale in one transaction; only the difference is paid (idempotent by their ids)",
      },
    },
  );
}
