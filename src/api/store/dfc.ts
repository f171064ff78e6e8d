/**
 * Shapes of the DFC connector (docs/integrations.md): the JSON-LD documents the store answers
 * (a `@context` and a `@graph` of typed nodes), the order document a hub posts, and what the
 * store would create from it.
 */
import { z } from "zod";

const node = z.looseObject({ "@id": z.string(), "@type": z.string() });

/** A DFC document as the store writes it: the DFC context and a flat graph of nodes. */
export const dfcDocumentSchema = z.looseObject({
  "@context": z.string(),
  "@graph": z.array(node),
});

/** A DFC order document as a hub sends it: one node, a `@graph`, or an array of nodes. */
export const dfcOrderDocumentSchema = z.union(
  [z.array(z.record(z.string(), z.unknown())).min(1).max(10_000), z.record(z.string(), z.unknown())],
  { error: "must be a DFC JSON-LD document: an object (with @graph or a dfc-b:Order) or an array of nodes" },
);

export const dfcCatalogQuerySchema = z.object({
  /** Products after this code (the last of the previous page). */
  after: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});
export type DfcCatalogQuery = z.infer<typeof dfcCatalogQuerySchema>;

export const dfcCodeParamsSchema = z.object({ code: z.string().min(1).max(64) });

const int = z.number().int();

/** `POST /dfc/orders`: the orders the store would create (nothing is stored: `created` is false). */
export const dfcOrdersAnswerSchema = z.object({
  created: z.literal(false),
  pickupStore: z.string(),
  orders: z.array(
    z.object({
      externalId: z.string(),
      number: z.string().nullable(),
      date: z.string().nullable(),
      customer: z.string().nullable(),
      status: z.string().nullable(),
      pickup: z.string().nullable(),
      lines: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          /** As `POST /orders` takes it: a decimal quantity. */
          qty: z.string(),
          qtyMilli: int,
          unitPriceMinor: int.optional(),
          lineTotalMinor: int.optional(),
          offer: z.string(),
        }),
      ),
    }),
  ),
});
export type DfcOrdersAnswer = z.infer<typeof dfcOrdersAnswerSchema>;

/** `POST /dfc/orders/place`: the pick-up slot the hub's orders are collected in. */
export { orderSlotSchema as dfcPlaceQuerySchema } from "./orders.ts";

/** `POST /dfc/orders/place`: each DFC order as the order placed here (`created` false: placed before). */
export const dfcPlacedAnswerSchema = z.object({
  /** Whether any order of the document was placed now. */
  created: z.boolean(),
  pickupStore: z.string(),
  orders: z.array(
    z.object({
      externalId: z.string(),
      /** The order's id here (derived from externalId and the store: the same each time). */
      id: z.string(),
      number: int,
      status: z.string(),
      totalMinor: int,
      balanceDueMinor: int,
      created: z.boolean(),
    }),
  ),
});
export type DfcPlacedAnswer = z.infer<typeof dfcPlacedAnswerSchema>;
