import { Elysia } from "elysia";
import { closeRequestSchema, closureParamsSchema, closuresQuerySchema } from "../../api/store/closures.ts";
import { closureTextLines } from "../../core/closures.ts";
import { currencyExponent } from "../../core/money.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { ClosuresService } from "./service.ts";

/** Closures for managers: `POST /closures` makes one, `GET /closures[/:number]` reads them. */
export function closuresRoutes(ctx: StoreContext, service = new ClosuresService(ctx)) {
  return new Elysia({ name: "ringup.store.closures" })
    .use(requireAuth(ctx))
    .post(
      "/closures",
      ({ body, principal, set }) => {
        set.status = 201;
        return service.close(body, principal.userId);
      },
      {
        body: closeRequestSchema,
        detail: {
          summary:
            "Close a day (Z), month or year of the store or of one till: numbered, chained by hash, journaled; 409 names the closures missing",
        },
      },
    )
    .get(
      "/closures",
      ({ query }) => ({
        closures: service.list({ ...query, tillId: query.tillId }),
      }),
      { query: closuresQuerySchema, detail: { summary: "Closures in the order they were made" } },
    )
    .get("/closures/:number", ({ params }) => service.get(params.number), {
      params: closureParamsSchema,
      detail: { summary: "One closure by its number" },
    })
    .get(
      "/closures/:number/text",
      ({ params }) => {
        const closure = service.get(params.number);
        return { lines: closureTextLines(closure, currencyExponent(closure.currency)) };
      },
      { params: closureParamsSchema, detail: { summary: "A closure as the receipt printer prints it" } },
    );
}
