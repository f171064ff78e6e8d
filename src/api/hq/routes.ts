/**
 * Every route head office serves, with the schema of its answer: the admin CLI and the store's
 * link to head office call it through these (`../client.ts`), and the OpenAPI document lists
 * them (`../openapi.ts`). Bodies and queries are validated by head office with the schemas of
 * this folder. Answers are read leniently (a client may meet a newer head office);
 * `anyObjectSchema` marks an answer not described yet.
 */
import { z } from "zod";
import { routeTable } from "../route.ts";
import {
  bulkResultAnswerSchema,
  exceptionsAnswerSchema,
  productAnswerSchema,
  tokenAnswerSchema,
  tokensAnswerSchema,
} from "../store/admin-answers.ts";
import { anyObjectSchema } from "../store/answers.ts";
import {
  chainSettingsAnswerSchema,
  hqPriceAnswerSchema,
  hqProductsAnswerSchema,
  hqSaleAnswerSchema,
} from "./answers.ts";
import {
  deadLetterDetailAnswerSchema,
  deadLettersAnswerSchema,
  deadLettersQuerySchema,
  discardAnswerSchema,
  discardInputSchema,
  retryAnswerSchema,
} from "./dead-letters.ts";
import { storesAnswerSchema } from "./stores.ts";

export const hqHealthAnswerSchema = z.looseObject({ status: z.string(), mode: z.literal("hq") });

export const hqRoutes = routeTable({
  "GET /health": hqHealthAnswerSchema,
  /** Prometheus text format (text/plain; version=0.0.4), not JSON. */
  "GET /metrics": z.string(),
  "POST /api/v1/tokens": anyObjectSchema,
  "GET /api/v1/tokens": tokensAnswerSchema,
  "POST /api/v1/tokens/:id/revoke": tokenAnswerSchema,
  "POST /api/v1/stores": anyObjectSchema,
  "POST /api/v1/stores/:id/credentials": anyObjectSchema,
  "PUT /api/v1/stores/:id/settings": anyObjectSchema,
  "GET /api/v1/stores": storesAnswerSchema,
  "GET /api/v1/stores/:id": anyObjectSchema,
  "GET /api/v1/stores/:id/dead-letters": anyObjectSchema,
  "GET /api/v1/stores/:id/settings": anyObjectSchema,
  "GET /api/v1/dead-letters": { answer: deadLettersAnswerSchema, query: deadLettersQuerySchema },
  "GET /api/v1/dead-letters/:id": deadLetterDetailAnswerSchema,
  "POST /api/v1/dead-letters/:id/retry": retryAnswerSchema,
  "POST /api/v1/dead-letters/:id/discard": { answer: discardAnswerSchema, body: discardInputSchema },
  "POST /api/v1/products": productAnswerSchema,
  "POST /api/v1/products/bulk": bulkResultAnswerSchema,
  "PUT /api/v1/prices": hqPriceAnswerSchema,
  "GET /api/v1/products": hqProductsAnswerSchema,
  "GET /api/v1/products/:code": productAnswerSchema,
  "GET /api/v1/prices": anyObjectSchema,
  "GET /api/v1/catalog/changes": anyObjectSchema,
  "GET /api/v1/catalog/snapshot": anyObjectSchema,
  "GET /api/v1/users": anyObjectSchema,
  "GET /api/v1/users/pin-conflicts": anyObjectSchema,
  "POST /api/v1/users": anyObjectSchema,
  "PUT /api/v1/users/:id": anyObjectSchema,
  "GET /api/v1/reports/sales": anyObjectSchema,
  "GET /api/v1/reports/sales/by-day": anyObjectSchema,
  "GET /api/v1/reports/sales/by-department": anyObjectSchema,
  "GET /api/v1/reports/exceptions": exceptionsAnswerSchema,
  "GET /api/v1/reports/sales/by-product": anyObjectSchema,
  "GET /api/v1/sales/:id": hqSaleAnswerSchema,
  "GET /api/v1/settings": chainSettingsAnswerSchema,
});
