import { Elysia } from "elysia";
import {
  type DfcOrdersAnswer,
  dfcCatalogQuerySchema,
  dfcCodeParamsSchema,
  dfcOrderDocumentSchema,
} from "../../api/store/dfc.ts";
import { DfcError } from "../../core/dfc/errors.ts";
import { importDfcOrders } from "../../core/dfc/order-import.ts";
import { milliToDecimalString } from "../../core/quantity.ts";
import { requireRole } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { codeOfIri, DfcCatalog } from "./catalog.ts";

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
      ({ request, body }): DfcOrdersAnswer => {
        const catalog = catalogFor(request);
        const orders = importDfcOrders(body, { codeOf: codeOfIri, currency: ctx.settings.currency });
        const names = catalog.names(orders.flatMap((o) => o.lines.map((l) => l.code)));
        for (const o of orders) {
          for (const l of o.lines) {
            if (!names.has(l.code)) {
              throw new DfcError(
                "DFC_PRODUCT_NOT_FOUND",
                `order ${o.externalId} orders product ${l.code}, which this store does not sell`,
                { order: o.externalId, code: l.code },
              );
            }
          }
        }
        return {
          created: false,
          pickupStore: ctx.storeId,
          orders: orders.map((o) => ({
            ...o,
            lines: o.lines.map((l) => ({
              ...l,
              name: names.get(l.code) ?? "",
              qty: milliToDecimalString(l.qtyMilli),
            })),
          })),
        };
      },
      {
        body: dfcOrderDocumentSchema,
        detail: {
          summary:
            "Read a hub's DFC order document into the orders it would create at this pick-up store (validated; nothing is stored)",
        },
      },
    );
}
