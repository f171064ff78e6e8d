/**
 * Shapes of customer orders at their pick-up store (CONTRACT.md, "Orders"): placing one
 * (`POST /orders`), changing its lines (`PATCH /orders/:id`), its status, its picking, and
 * collecting it (`POST /orders/:id/collect`), which records the sale.
 */
import { z } from "zod";
import { refId } from "../../core/events/fields.ts";
import { qtySchema } from "./quantity.ts";

export const ORDER_STATUSES = ["placed", "confirmed", "picked", "ready", "collected", "cancelled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const code = z.string().trim().min(1, "must not be empty").max(32, "must be at most 32 characters");
const minor = z.number().int("must be whole minor units");
const day = z.iso.date("must be a date YYYY-MM-DD");
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time HH:MM");
const userText = (max: number) => z.string().trim().min(1, "must not be empty").max(max);

export const orderLineRequestSchema = z.strictObject({
  code,
  qty: qtySchema,
  /** The unit price the web shop sold at; left out: the store's catalog price. */
  unitPriceMinor: minor.min(0, "must not be negative").optional(),
});
const linesField = z
  .array(orderLineRequestSchema)
  .min(1, "an order needs at least one line")
  .max(500, "at most 500 lines");

/** A tender the customer already paid with (online), of one of the store's tender types. */
export const prepaidTenderSchema = z.strictObject({
  type: z.string().min(1).max(20),
  amountMinor: minor.positive("must be more than zero"),
  ref: z
    .string()
    .regex(/^[A-Za-z0-9 _.:/-]{1,40}$/, "must be 1 to 40 letters, digits, spaces or _.:/-")
    .optional(),
});

export const orderSlotSchema = z
  .strictObject({ date: day, from: clock, to: clock })
  .refine((s) => s.from < s.to, { message: "must end after it starts", path: ["to"] });

export const orderDeliverySchema = z.strictObject({
  address: userText(300),
  phone: z
    .string()
    .regex(/^\+?[0-9 ()-]{4,24}$/, "must be a phone number")
    .optional(),
});

export const orderRequestSchema = z
  .strictObject({
    id: z.uuid("must be a UUID (the web shop makes one per order)"),
    customerId: refId.optional(),
    /** The store the order is collected at (or delivered from): this store's id. */
    pickupStore: z.string().min(1).max(16),
    slot: orderSlotSchema.optional(),
    delivery: orderDeliverySchema.optional(),
    lines: linesField,
    prepaid: z.array(prepaidTenderSchema).max(10).optional(),
  })
  .refine((o) => o.slot !== undefined || o.delivery !== undefined, {
    message: "give a pick-up slot or a delivery",
    path: ["slot"],
  });
export type OrderRequest = z.infer<typeof orderRequestSchema>;

export const orderPatchSchema = z.strictObject({ lines: linesField });
export type OrderPatch = z.infer<typeof orderPatchSchema>;

export const orderStatusRequestSchema = z.strictObject({
  status: z.enum(["confirmed", "picked", "ready", "cancelled"], {
    error: "must be confirmed, picked, ready or cancelled (collect with POST /orders/:id/collect)",
  }),
});

export const orderCollectSchema = z.strictObject({
  /** What the customer pays now: the balance due (cash may be more: change is given). */
  tenders: z
    .array(
      z.strictObject({
        type: z.string().min(1).max(20),
        amountMinor: minor.positive("must be more than zero"),
        ref: prepaidTenderSchema.shape.ref,
      }),
    )
    .max(20)
    .default([]),
  /** With an admin token: the till the sale is recorded at (a till session gives its own). */
  tillId: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,16}$/, "must be 1 to 16 letters, digits or underscores")
    .optional(),
  cashierId: z.string().max(40).optional(),
});
export type OrderCollectRequest = z.infer<typeof orderCollectSchema>;

/** What was picked for one line: a shortage (less or none), or a substitute product. */
export const pickingRequestSchema = z.strictObject({
  lines: z
    .array(
      z.strictObject({
        /** The order line (1-based). */
        line: z.number().int().min(1).max(500),
        /** The quantity picked (0: none); left out with a substitute: the line's quantity. */
        picked: z.union([z.literal(0), qtySchema]).optional(),
        /** Another product given instead, at its catalog price unless `unitPriceMinor`. */
        substitute: z
          .strictObject({ code, unitPriceMinor: minor.min(0, "must not be negative").optional() })
          .optional(),
      }),
    )
    .min(1)
    .max(500),
});
export type PickingRequest = z.infer<typeof pickingRequestSchema>;

export const orderParamsSchema = z.object({ id: z.string().min(1).max(40) });
export const ordersQuerySchema = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  /** The pick-up day (the slot's date). */
  date: day.optional(),
  /** This store's id (another store's orders are at that store, or at head office). */
  store: z.string().max(16).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export const pickingQuerySchema = z.object({
  date: day,
  /** The slot's start (HH:MM); left out: every slot of the day. */
  slot: clock.optional(),
  format: z.enum(["json", "pdf", "txt"]).default("json"),
});

export const orderLineSchema = z.object({
  code: z.string(),
  name: z.string(),
  qty: z.number(),
  qtyMilli: z.int(),
  unitPriceMinor: z.int(),
  totalMinor: z.int(),
  /** Set by picking: what was picked when it differs, and the line it substitutes for. */
  shortMilli: z.int().optional(),
  substitutes: z.string().optional(),
});
export type OrderLine = z.infer<typeof orderLineSchema>;

export const orderHistoryEntrySchema = z.object({
  at: z.string(),
  userId: z.string().nullable(),
  tillId: z.string().nullable(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
});

/** The short answer of placing, changing and collecting (CONTRACT.md). */
export const orderSummarySchema = z.object({
  id: z.string(),
  number: z.int(),
  status: z.enum(ORDER_STATUSES),
  totalMinor: z.int(),
  balanceDueMinor: z.int(),
});

export const orderSchema = orderSummarySchema.extend({
  storeId: z.string(),
  customerId: z.string().nullable(),
  slot: z.object({ date: z.string(), from: z.string(), to: z.string() }).nullable(),
  delivery: z.object({ address: z.string(), phone: z.string().optional() }).nullable(),
  lines: z.array(orderLineSchema),
  prepaid: z.array(z.object({ type: z.string(), amountMinor: z.int(), ref: z.string().optional() })),
  prepaidMinor: z.int(),
  saleId: z.string().nullable(),
  refundedMinor: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Order = z.infer<typeof orderSchema>;

export const orderDetailSchema = orderSchema.extend({ history: z.array(orderHistoryEntrySchema) });
export const ordersAnswerSchema = z.object({ orders: z.array(orderSchema) });
export const collectAnswerSchema = orderSummarySchema.extend({
  saleId: z.string(),
  receiptNo: z.string(),
  /** Given back to the prepaid tender (the order came to less than was paid). */
  refundedMinor: z.int(),
  changeMinor: z.int(),
});

export const pickingListSchema = z.object({
  date: z.string(),
  slot: z.string().nullable(),
  orders: z.array(
    z.object({
      id: z.string(),
      number: z.int(),
      status: z.enum(ORDER_STATUSES),
      customerId: z.string().nullable(),
      slot: z.string().nullable(),
      lines: z.array(z.object({ line: z.int(), code: z.string(), name: z.string(), qty: z.number() })),
    }),
  ),
  /** Every product to pick for these orders, with the total quantity. */
  totals: z.array(z.object({ code: z.string(), name: z.string(), qty: z.number() })),
});
export type PickingList = z.infer<typeof pickingListSchema>;
