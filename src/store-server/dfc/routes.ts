import { Elysia } from "elysia";
import {
  type DfcOrdersAnswer,
  dfcCatalogQuerySchema,
  dfcCodeParamsSchema,
  dfcOrderDocumentSchema,
  dfcPlaceQuerySchema,
} from "../../api/store/dfc.ts";
import { DfcError } from "../../core/dfc/errors.ts";
import { requireRole } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { DfcCatalog } from "./catalog.ts";
import { placeDfcOrders, readDfcOrders } from "./orders.ts";

const LD_JSON = { "content-type": "application/ld+json; charset=utf-8" };

/**
 * The Data Food Consortium connector (docs/integrations.md): the catalog as DFC documents for a
 * hub (Open Food Network), and a hub's orders read into the orders they would become here.
 */
export function dfcRoutes(ctx: StoreContext) {
  const catalogFor = (request: Request) =>
    new DfcCatalog(ctx, (ctx.settings.publicUrl ?? new URL(request.url).origin).replace(/\/+$/, ""));
  const ld = (doc: unknown) => new Response(JSON.stringify(doc), { headers: LD_JSON });
  return new Elysia({ name: "ringup.store.dfc" })
    .use(requireAuth(ctx))
    .derive(({ principal }) => {
      requireRole(principal, "manager", "the DFC connector");
      return {};
    })
    .get("/dfc/enterprise", ({ request }) => ld(catalogFor(request).enterprise()), {
      detail: { summary: "The store as a DFC enterprise (name, address, tax number, what it supplies)" },
    })
    .get("/dfc/supplied-products", ({ request, query }) => ld(catalogFor(request).suppliedProducts(query)), {
      query: dfcCatalogQuerySchema,
      detail: {
        summary:
          "Active products as DFC supplied products, catalog items (stock) and offers (price), by code",
      },
    })
    .get(
      "/dfc/supplied-products/:code",
      ({ request, params }) => {
        const doc = catalogFor(request).suppliedProducts({ limit: 1 }, params.code);
        if (doc["@graph"].length === 0) {
          throw new DfcError("DFC_PRODUCT_NOT_FOUND", `no active product ${params.code}`, {
            code: params.code,
          });
        }
        return ld(doc);
      },
      { params: dfcCodeParamsSchema, detail: { summary: "One product as a DFC supplied product" } },
    )
    .get("/dfc/offers", ({ request, query }) => ld(catalogFor(request).offers(query)), {
      query: dfcCatalogQuerySchema,
      detail: { summary: "DFC offers: each active product's price and stock" },
    })
    .post(
      "/dfc/orders",
      ({ request, body }): DfcOrdersAnswer => ({
        created: false,
        pickupStore: ctx.storeId,
        orders: readDfcOrders(ctx, catalogFor(request), body),
      }),
      {
        body: dfcOrderDocumentSchema,
        detail: {
          summary:
            "Read a hub's DFC order document into the orders it would create at this pick-up store (validated; nothing is stored)",
        },
      },
    )
    .post(
      "/dfc/orders/place",
      ({ request, body, query, principal, set }) => {
        const answer = placeDfcOrders(ctx, catalogFor(request), body, query, principal);
        set.status = answer.created ? 201 : 200;
        return answer;
      },
      {
        body: dfcOrderDocumentSchema,
        query: dfcPlaceQuerySchema,
        detail: {
          summary:
            "Place a hub's DFC orders at this pick-up store in the slot given (idempotent by each order's @id): stock reserved, all or none",
        },
      },
    );
}
