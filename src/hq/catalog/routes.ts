/**
 * Catalog and prices: `/products` (upsert, bulk import, list changed since), `/prices` (now or
 * scheduled, chain-wide or one store), and the change log a store reads over HTTP
 * (`/catalog/changes`, `/catalog/snapshot`) when it does not use NATS.
 */
import { Elysia } from "elysia";
import { z } from "zod";
import {
  bulkProductsSchema,
  priceInputSchema,
  pricesQuerySchema,
  productInputSchema,
  productsQuerySchema,
} from "../../api/hq/catalog.ts";
import { storeIdSchema } from "../../core/ids.ts";
import { authorize } from "../auth/plugin.ts";
import { storeScope } from "../auth/scopes.ts";
import { requireScope } from "../auth/tokens.ts";
import type { HqContext } from "../context.ts";
import { UnknownProductError } from "../errors.ts";
import { withoutPinHashes } from "../users/distribution.ts";
import { changesAfter, lastChangeSeq, snapshotFor } from "./change-log.ts";
import type { PriceService } from "./prices.ts";
import type { PriceScheduler } from "./scheduler.ts";
import { CatalogService } from "./service.ts";

const feedQuerySchema = z.object({
  storeId: storeIdSchema,
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});

export function catalogRoutes(ctx: HqContext, prices: PriceService, scheduler: PriceScheduler) {
  const catalog = new CatalogService(ctx);
  const write = new Elysia()
    .use(authorize(ctx, ["catalog:write"], "changing the catalog"))
    .post("/products", ({ body }) => catalog.upsert(body).product, {
      body: productInputSchema,
      detail: { summary: "Create or update a chain product (upsert by code), replicated to every store" },
    })
    .post("/products/bulk", ({ body }) => catalog.bulkUpsert(body.products, body.strict), {
      body: bulkProductsSchema,
      detail: { summary: "Import many products in one transaction" },
    })
    .put(
      "/prices",
      ({ body }) => {
        const result = prices.set(body);
        if (result.status === "scheduled") scheduler.wake();
        return result;
      },
      {
        body: priceInputSchema,
        detail: {
          summary:
            "Set a price for the chain or one store, now or at effectiveAt; a store's own price wins over the chain price",
        },
      },
    );
  const read = new Elysia()
    .use(authorize(ctx, ["catalog:write", "reports:read", "store:*"], "reading the catalog"))
    .get("/products", ({ query }) => ({ products: catalog.list(query.changedSince) }), {
      query: productsQuerySchema,
      detail: { summary: "Chain products, or those changed after changedSince" },
    })
    .get("/products/:code", ({ params }) => {
      const product = catalog.get(params.code);
      if (!product) throw new UnknownProductError(params.code);
      return product;
    })
    .get("/prices", ({ query }) => prices.picture(query.code), {
      query: pricesQuerySchema,
      detail: { summary: "A product's chain price, store prices and scheduled changes" },
    });
  const feed = new Elysia()
    .use(authorize(ctx, ["store:*"], "reading a store's catalog feed"))
    .get(
      "/catalog/changes",
      ({ query, principal }) => {
        requireScope(principal, [storeScope(query.storeId)], `reading the catalog feed of ${query.storeId}`);
        const changes = changesAfter(ctx.db, query.after, { storeId: query.storeId, limit: query.limit }).map(
          withoutPinHashes,
        );
        return { storeId: query.storeId, lastSeq: lastChangeSeq(ctx.db), changes };
      },
      {
        query: feedQuerySchema,
        detail: {
          summary:
            "Change-log entries for a store after a seq (its own and every store's); users never carry PIN hashes here",
        },
      },
    )
    .get(
      "/catalog/snapshot",
      ({ query, principal }) => {
        requireScope(
          principal,
          [storeScope(query.storeId)],
          `reading the catalog snapshot of ${query.storeId}`,
        );
        const snapshot = snapshotFor(ctx.db, query.storeId);
        return { storeId: query.storeId, seq: snapshot.seq, changes: snapshot.changes.map(withoutPinHashes) };
      },
      {
        query: z.object({ storeId: storeIdSchema }),
        detail: { summary: "Everything a new store needs now, and the seq to resume after" },
      },
    );
  return new Elysia({ name: "ringup.hq.catalog" }).use(write).use(read).use(feed);
}
