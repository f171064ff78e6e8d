/**
 * The label scales of every store as the stores last reported them (through their journals):
 * `GET /stores/:id/scales` for one store, `GET /scales` for the chain.
 */
import { Elysia } from "elysia";
import { storeParamsSchema } from "../../api/hq/stores.ts";
import { authorize } from "../auth/plugin.ts";
import { storeScope } from "../auth/scopes.ts";
import { requireScope } from "../auth/tokens.ts";
import type { HqContext } from "../context.ts";
import { chainScales, scalesOfStore } from "./service.ts";

export function scalesRoutes(ctx: HqContext) {
  return new Elysia()
    .use(authorize(ctx, ["reports:read", "store:*"], "reading label scales"))
    .get(
      "/stores/:id/scales",
      ({ params, principal }) => {
        requireScope(
          principal,
          ["reports:read", storeScope(params.id)],
          `reading the scales of ${params.id}`,
        );
        return { storeId: params.id, scales: scalesOfStore(ctx, params.id) };
      },
      {
        params: storeParamsSchema,
        detail: {
          summary:
            "A store's label scales as it last reported them: reachable, last sync, PLUs programmed of how many, the last error",
        },
      },
    )
    .get(
      "/scales",
      ({ principal }) => {
        requireScope(principal, ["reports:read"], "reading every store's scales");
        return { scales: chainScales(ctx) };
      },
      { detail: { summary: "Every store's label scales as their stores last reported them" } },
    );
}
