/**
 * Every route the store serves, with the schema of its answer: the till and the admin CLI call
 * the store through these (`../client.ts`), and the OpenAPI document lists them (`../openapi.ts`).
 * Bodies and queries are validated by the store with the schemas of this folder; a descriptor
 * names its body where a client of ours sends one, so that the client is typed by it.
 *
 * Strictness: request bodies are strict (the store refuses unknown fields); answers are read
 * leniently (the till and the CLI may meet a newer store that answers more fields), see
 * `answers.ts`. `anyObjectSchema` marks an answer that no client of ours reads field by field.
 */
import { z } from "zod";
import { route } from "../route.ts";
import {
  anyObjectSchema,
  approvalAnswerSchema,
  cancellationAnswerSchema,
  cashMoveAnswerSchema,
  catalogChangesAnswerSchema,
  drawerAnswerSchema,
  healthAnswerSchema,
  heldAnswerSchema,
  heldListAnswerSchema,
  keyAnswerSchema,
  productLookupAnswerSchema,
  recordedSaleAnswerSchema,
  refusedReportAnswerSchema,
  returnAnswerSchema,
  saleAnswerSchema,
  salesListAnswerSchema,
  sessionAnswerSchema,
  shiftAnswerSchema,
  shiftReportAnswerSchema,
  staffDiscountAnswerSchema,
} from "./answers.ts";
import { recordSaleSchema } from "./sales.ts";

/** A receipt's copy at its link: an HTML page, or plain text with `?format=text`. */
const receiptPageSchema = z.string();

export const storeRoutes = {
  "GET /health": route({ method: "GET", path: "/health", answer: healthAnswerSchema }),
  "GET /r/:token": route({ method: "GET", path: "/r/:token", answer: receiptPageSchema }),
  "POST /api/v1/products": route({ method: "POST", path: "/api/v1/products", answer: anyObjectSchema }),
  "POST /api/v1/products/bulk": route({
    method: "POST",
    path: "/api/v1/products/bulk",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/products/lookup": route({
    method: "GET",
    path: "/api/v1/products/lookup",
    answer: productLookupAnswerSchema,
  }),
  "GET /api/v1/products/changes": route({
    method: "GET",
    path: "/api/v1/products/changes",
    answer: catalogChangesAnswerSchema,
  }),
  "GET /api/v1/products": route({ method: "GET", path: "/api/v1/products", answer: anyObjectSchema }),
  "GET /api/v1/products/:code": route({
    method: "GET",
    path: "/api/v1/products/:code",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/departments": route({ method: "GET", path: "/api/v1/departments", answer: anyObjectSchema }),
  "POST /api/v1/departments": route({ method: "POST", path: "/api/v1/departments", answer: anyObjectSchema }),
  "POST /api/v1/departments/bulk": route({
    method: "POST",
    path: "/api/v1/departments/bulk",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/settings": route({ method: "GET", path: "/api/v1/settings", answer: anyObjectSchema }),
  "POST /api/v1/baskets/quote": route({
    method: "POST",
    path: "/api/v1/baskets/quote",
    answer: anyObjectSchema,
  }),
  "POST /api/v1/sales": route({
    method: "POST",
    path: "/api/v1/sales",
    body: recordSaleSchema,
    answer: saleAnswerSchema,
  }),
  "POST /api/v1/sales/cancellations": route({
    method: "POST",
    path: "/api/v1/sales/cancellations",
    answer: cancellationAnswerSchema,
  }),
  "GET /api/v1/reports/exceptions": route({
    method: "GET",
    path: "/api/v1/reports/exceptions",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/sales/by-receipt/:receiptNo": route({
    method: "GET",
    path: "/api/v1/sales/by-receipt/:receiptNo",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/sales/last-receipt": route({
    method: "GET",
    path: "/api/v1/sales/last-receipt",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/sales/:id": route({
    method: "GET",
    path: "/api/v1/sales/:id",
    answer: recordedSaleAnswerSchema,
  }),
  "GET /api/v1/sales": route({ method: "GET", path: "/api/v1/sales", answer: salesListAnswerSchema }),
  "GET /api/v1/sales/:id/receipt": route({
    method: "GET",
    path: "/api/v1/sales/:id/receipt",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/receipt-links/key": route({
    method: "GET",
    path: "/api/v1/receipt-links/key",
    answer: anyObjectSchema,
  }),
  "POST /api/v1/sales/:id/receipt-email": route({
    method: "POST",
    path: "/api/v1/sales/:id/receipt-email",
    answer: anyObjectSchema,
  }),
  "POST /api/v1/sessions": route({ method: "POST", path: "/api/v1/sessions", answer: sessionAnswerSchema }),
  "DELETE /api/v1/sessions/current": route({
    method: "DELETE",
    path: "/api/v1/sessions/current",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/users": route({ method: "GET", path: "/api/v1/users", answer: anyObjectSchema }),
  "GET /api/v1/users/:id": route({ method: "GET", path: "/api/v1/users/:id", answer: anyObjectSchema }),
  "POST /api/v1/users": route({ method: "POST", path: "/api/v1/users", answer: anyObjectSchema }),
  "PATCH /api/v1/users/:id": route({ method: "PATCH", path: "/api/v1/users/:id", answer: anyObjectSchema }),
  "POST /api/v1/staff-discounts": route({
    method: "POST",
    path: "/api/v1/staff-discounts",
    answer: staffDiscountAnswerSchema,
  }),
  "POST /api/v1/approvals": route({
    method: "POST",
    path: "/api/v1/approvals",
    answer: approvalAnswerSchema,
  }),
  "GET /api/v1/pin-lockouts": route({ method: "GET", path: "/api/v1/pin-lockouts", answer: anyObjectSchema }),
  "POST /api/v1/pin-lockouts/unlock": route({
    method: "POST",
    path: "/api/v1/pin-lockouts/unlock",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/audit": route({ method: "GET", path: "/api/v1/audit", answer: anyObjectSchema }),
  "POST /api/v1/audit/till-entries": route({
    method: "POST",
    path: "/api/v1/audit/till-entries",
    answer: anyObjectSchema,
  }),
  "POST /api/v1/shifts": route({ method: "POST", path: "/api/v1/shifts", answer: shiftAnswerSchema }),
  "GET /api/v1/shifts/current": route({
    method: "GET",
    path: "/api/v1/shifts/current",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/shifts": route({ method: "GET", path: "/api/v1/shifts", answer: anyObjectSchema }),
  "GET /api/v1/shifts/:id": route({ method: "GET", path: "/api/v1/shifts/:id", answer: anyObjectSchema }),
  "POST /api/v1/shifts/:id/cash": route({
    method: "POST",
    path: "/api/v1/shifts/:id/cash",
    answer: cashMoveAnswerSchema,
  }),
  "GET /api/v1/shifts/:id/x-report": route({
    method: "GET",
    path: "/api/v1/shifts/:id/x-report",
    answer: shiftReportAnswerSchema,
  }),
  "POST /api/v1/shifts/:id/close": route({
    method: "POST",
    path: "/api/v1/shifts/:id/close",
    answer: shiftReportAnswerSchema,
  }),
  "GET /api/v1/shifts/:id/z-report": route({
    method: "GET",
    path: "/api/v1/shifts/:id/z-report",
    answer: anyObjectSchema,
  }),
  "POST /api/v1/drawer/open": route({
    method: "POST",
    path: "/api/v1/drawer/open",
    answer: drawerAnswerSchema,
  }),
  "POST /api/v1/returns": route({ method: "POST", path: "/api/v1/returns", answer: returnAnswerSchema }),
  "GET /api/v1/returns/original/:ref": route({
    method: "GET",
    path: "/api/v1/returns/original/:ref",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/returns/:id": route({ method: "GET", path: "/api/v1/returns/:id", answer: anyObjectSchema }),
  "GET /api/v1/returns": route({ method: "GET", path: "/api/v1/returns", answer: anyObjectSchema }),
  "POST /api/v1/sales/:id/void": route({
    method: "POST",
    path: "/api/v1/sales/:id/void",
    answer: anyObjectSchema,
  }),
  "POST /api/v1/exchanges": route({ method: "POST", path: "/api/v1/exchanges", answer: anyObjectSchema }),
  "POST /api/v1/held": route({ method: "POST", path: "/api/v1/held", answer: heldAnswerSchema }),
  "GET /api/v1/held": route({ method: "GET", path: "/api/v1/held", answer: heldListAnswerSchema }),
  "POST /api/v1/held/:id/resume": route({
    method: "POST",
    path: "/api/v1/held/:id/resume",
    answer: heldAnswerSchema,
  }),
  "DELETE /api/v1/held/:id": route({ method: "DELETE", path: "/api/v1/held/:id", answer: anyObjectSchema }),
  "GET /api/v1/stock": route({ method: "GET", path: "/api/v1/stock", answer: anyObjectSchema }),
  "GET /api/v1/stock/movements": route({
    method: "GET",
    path: "/api/v1/stock/movements",
    answer: anyObjectSchema,
  }),
  "POST /api/v1/stock/adjustments": route({
    method: "POST",
    path: "/api/v1/stock/adjustments",
    answer: anyObjectSchema,
  }),
  "POST /api/v1/stock/documents": route({
    method: "POST",
    path: "/api/v1/stock/documents",
    answer: anyObjectSchema,
  }),
  "POST /api/v1/stock/documents/:id/post": route({
    method: "POST",
    path: "/api/v1/stock/documents/:id/post",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/stock/documents/:id": route({
    method: "GET",
    path: "/api/v1/stock/documents/:id",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/reports/daily": route({
    method: "GET",
    path: "/api/v1/reports/daily",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/reports/by-hour": route({
    method: "GET",
    path: "/api/v1/reports/by-hour",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/reports/by-department": route({
    method: "GET",
    path: "/api/v1/reports/by-department",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/reports/by-cashier": route({
    method: "GET",
    path: "/api/v1/reports/by-cashier",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/reports/by-tender": route({
    method: "GET",
    path: "/api/v1/reports/by-tender",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/journal/verify": route({
    method: "GET",
    path: "/api/v1/journal/verify",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/journal/events": route({
    method: "GET",
    path: "/api/v1/journal/events",
    answer: anyObjectSchema,
  }),
  "POST /api/v1/tills/pair": route({ method: "POST", path: "/api/v1/tills/pair", answer: anyObjectSchema }),
  "POST /api/v1/tills/pairings": route({
    method: "POST",
    path: "/api/v1/tills/pairings",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/tills": route({ method: "GET", path: "/api/v1/tills", answer: anyObjectSchema }),
  "POST /api/v1/tills/:tillId/revoke": route({
    method: "POST",
    path: "/api/v1/tills/:tillId/revoke",
    answer: anyObjectSchema,
  }),
  "PUT /api/v1/tills/:tillId/key": route({
    method: "PUT",
    path: "/api/v1/tills/:tillId/key",
    answer: keyAnswerSchema,
  }),
  "POST /api/v1/tills/:tillId/refused-sales": route({
    method: "POST",
    path: "/api/v1/tills/:tillId/refused-sales",
    answer: refusedReportAnswerSchema,
  }),
  "GET /api/v1/refused-sales": route({
    method: "GET",
    path: "/api/v1/refused-sales",
    answer: anyObjectSchema,
  }),
  "GET /api/v1/tokens": route({ method: "GET", path: "/api/v1/tokens", answer: anyObjectSchema }),
  "POST /api/v1/tokens/:id/revoke": route({
    method: "POST",
    path: "/api/v1/tokens/:id/revoke",
    answer: anyObjectSchema,
  }),
  "POST /api/v1/tokens/rotate": route({
    method: "POST",
    path: "/api/v1/tokens/rotate",
    answer: anyObjectSchema,
  }),
} as const;
