/**
 * Every route head office serves, with the schema of its answer: the admin CLI and the store's
 * link to head office call it through these (`../client.ts`), and the OpenAPI document lists
 * them (`../openapi.ts`). Bodies and queries are validated by head office with the schemas of
 * this folder. Answers are read leniently (a client may meet a newer head office);
 * `anyObjectSchema` marks an answer that no client of ours reads field by field.
 */
import { z } from "zod";
import { chainSaleSchema } from "../../core/chain-sale.ts";
import { route } from "../route.ts";
import { anyObjectSchema } from "../store/answers.ts";

export const hqHealthAnswerSchema = z.looseObject({ status: z.string(), mode: z.literal("hq") });

export const hqRoutes = {
  "GET /health": route({ method: "GET", path: "/health", answer: hqHealthAnswerSchema }),
  "POST /api/v1/tokens": route({ method: "POST", path: "/api/v1/tokens", answer: anyObjectSchema }),
  "GET /api/v1/tokens": route({ method: "GET", path: "/api/v1/tokens", answer: anyObjectSchema }),
  "POST /api/v1/tokens/:id/revoke": route({
    method: "POST",
    path: "/api/v1/tokens/:id/revoke",
    answer: anyObjectSchema,
  }),
  "POST /api/v1/stores": route({ method: "POST", path: "/api/v1/stores", answer: anyObjectSchema }),
  "POST /api/v1/stores/:id/credentials": route({
    method: "POST",
    path: "/api/v1/stores/:id/credentials",
    answer: anyObjectSchema,
  }),
  "PUT /api/v1/stores/:id/settings": route({
    method: "PUT",
    path: "/api/v1/stores/:id/settings",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/stores": route({ method: "GET", path: "/api/v1/stores", answer: anyObjectSchema }),
  "GET /api/v1/stores/:id": route({ method: "GET", path: "/api/v1/stores/:id", answer: anyObjectSchema }),
  "GET /api/v1/stores/:id/dead-letters": route({
    method: "GET",
    path: "/api/v1/stores/:id/dead-letters",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/stores/:id/settings": route({
    method: "GET",
    path: "/api/v1/stores/:id/settings",
    answer: anyObjectSchema,
  }),
  "POST /api/v1/products": route({ method: "POST", path: "/api/v1/products", answer: anyObjectSchema }),
  "POST /api/v1/products/bulk": route({
    method: "POST",
    path: "/api/v1/products/bulk",
    answer: anyObjectSchema,
  }),
  "PUT /api/v1/prices": route({ method: "PUT", path: "/api/v1/prices", answer: anyObjectSchema }),
  "GET /api/v1/products": route({ method: "GET", path: "/api/v1/products", answer: anyObjectSchema }),
  "GET /api/v1/products/:code": route({
    method: "GET",
    path: "/api/v1/products/:code",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/prices": route({ method: "GET", path: "/api/v1/prices", answer: anyObjectSchema }),
  "GET /api/v1/catalog/changes": route({
    method: "GET",
    path: "/api/v1/catalog/changes",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/catalog/snapshot": route({
    method: "GET",
    path: "/api/v1/catalog/snapshot",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/users": route({ method: "GET", path: "/api/v1/users", answer: anyObjectSchema }),
  "GET /api/v1/users/pin-conflicts": route({
    method: "GET",
    path: "/api/v1/users/pin-conflicts",
    answer: anyObjectSchema,
  }),
  "POST /api/v1/users": route({ method: "POST", path: "/api/v1/users", answer: anyObjectSchema }),
  "PUT /api/v1/users/:id": route({ method: "PUT", path: "/api/v1/users/:id", answer: anyObjectSchema }),
  "GET /api/v1/reports/sales": route({
    method: "GET",
    path: "/api/v1/reports/sales",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/reports/sales/by-day": route({
    method: "GET",
    path: "/api/v1/reports/sales/by-day",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/reports/sales/by-department": route({
    method: "GET",
    path: "/api/v1/reports/sales/by-department",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/reports/exceptions": route({
    method: "GET",
    path: "/api/v1/reports/exceptions",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/reports/sales/by-product": route({
    method: "GET",
    path: "/api/v1/reports/sales/by-product",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/sales/:id": route({ method: "GET", path: "/api/v1/sales/:id", answer: chainSaleSchema }),
  "GET /api/v1/settings": route({ method: "GET", path: "/api/v1/settings", answer: anyObjectSchema }),
} as const;
