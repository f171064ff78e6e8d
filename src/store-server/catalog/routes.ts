import { Elysia } from "elysia";
import { z } from "zod";
import {
  bulkDepartmentsSchema,
  bulkProductsSchema,
  categoryInputSchema,
  departmentInputSchema,
  productInputSchema,
} from "../../api/store/catalog.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { CatalogError } from "./errors.ts";
import { CatalogService } from "./service.ts";
import { MAX_CATALOG_WAIT_MS } from "./watch.ts";

export function catalogRoutes(ctx: StoreContext) {
  const catalog = new CatalogService(ctx);
  return new Elysia({ name: "ringup.store.catalog" })
    .use(requireAuth(ctx))
    .post(
      "/products",
      ({ body }) => {
        return catalog.upsert(body);
      },
      { body: productInputSchema, detail: { summary: "Create or update a product (upsert by code)" } },
    )
    .post(
      "/products/bulk",
      ({ body }) => {
        return catalog.bulkUpsert(body.products, body.strict);
      },
      { body: bulkProductsSchema, detail: { summary: "Import many products in one transaction" } },
    )
    .get("/products/lookup", ({ query }) => catalog.lookup(query.code), {
      query: z.object({ code: z.string().max(64, "must be at most 64 characters") }),
      detail: { summary: "Resolve a barcode, PLU or embedded-price/weight code" },
    })
    .get(
      "/products/changes",
      // async: Elysia catches what an async handler throws (a plain one's promise escapes it).
      async ({ query, request }) =>
        query.wait > 0
          ? catalog.changesWaiting(query.since, query.limit, query.wait, request.signal)
          : catalog.changes(query.since, query.limit),
      {
        query: z.object({
          since: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(5000).default(1000),
          /** ms to wait for a change when there is none yet (long poll); 0 answers at once. */
          wait: z.coerce.number().int().min(0).max(MAX_CATALOG_WAIT_MS).default(0),
        }),
        detail: {
          summary:
            "Products changed after a catalog sequence number (till sync); with `wait`, answered as soon as there is one",
        },
      },
    )
    .get("/products", ({ query }) => ({ products: catalog.search(query.q, query.limit) }), {
      query: z.object({
        q: z.string().trim().min(2, "type at least 2 letters").max(60),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      detail: { summary: "Find products by name" },
    })
    .get("/products/:code", ({ params }) => {
      const product = catalog.get(params.code);
      if (!product) throw new CatalogError("UNKNOWN_CODE", `no product has the code "${params.code}"`);
      return product;
    })
    .get("/products/:code/variants", ({ params }) => catalog.variants(params.code), {
      detail: { summary: "The variants of a product (size, colour…), each its own product" },
    })
    .get("/categories", () => ({ categories: catalog.listCategories() }), {
      detail: { summary: "Product categories (a tree by parent)" },
    })
    .post(
      "/categories",
      ({ body }) => {
        return catalog.upsertCategory(body);
      },
      {
        body: categoryInputSchema,
        detail: {
          summary: "Create, rename or move a category (upsert by id); a category cannot be its own ancestor",
        },
      },
    )
    .get("/departments", () => ({ departments: catalog.listDepartments() }), {
      detail: { summary: "Departments with their tax class, open-ring limits and minimum age" },
    })
    .post(
      "/departments",
      ({ body }) => {
        return catalog.upsertDepartment(body);
      },
      {
        body: departmentInputSchema,
        detail: {
          summary: "Create or update a department (upsert by id; fields left out keep their values)",
        },
      },
    )
    .post(
      "/departments/bulk",
      ({ body }) => {
        return catalog.upsertDepartments(body.departments, body.strict);
      },
      { body: bulkDepartmentsSchema },
    )
    .get("/settings", () => ctx.settings, { detail: { summary: "Store settings the tills price with" } });
}
