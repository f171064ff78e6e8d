/**
 * Shapes of customer orders at head office (CONTRACT.md, "Orders"): an order placed here for any
 * store (the store's body, `src/api/store/orders.ts`) is routed to its pick-up store; the
 * chain's orders are read back by store, status and day.
 */
import { z } from "zod";
import { ORDER_STATUSES, orderCollectSchema } from "../store/orders.ts";

export {
  orderPatchSchema as hqOrderPatchSchema,
  orderRequestSchema as hqOrderRequestSchema,
  orderStatusRequestSchema as hqOrderStatusRequestSchema,
} from "../store/orders.ts";

/** Collecting an order through head office: the till the sale is recorded at is needed (`WEB` for a shop). */
export const hqOrderCollectSchema = orderCollectSchema.required({ tillId: true });

/** An order as head office knows it: the store's latest snapshot, or as placed here until then. */
export const hqOrderSchema = z.object({
  id: z.string(),
  storeId: z.string(),
  /** The store's number for it: null until the store has taken it. */
  number: z.int().nullable(),
  /** `placed` until the store's first event; then the store's status. */
  status: z.enum(ORDER_STATUSES),
  customerId: z.string().nullable(),
  slotDate: z.string().nullable(),
  /** Priced here from the chain's prices until the store has priced it (with its taxes). */
  totalMinor: z.int(),
  balanceDueMinor: z.int(),
  /** Whether the store has taken it (its `order.changed` events have reached head office). */
  atStore: z.boolean(),
  updatedAt: z.string(),
});
export type HqOrder = z.infer<typeof hqOrderSchema>;

export const hqOrdersQuerySchema = z.object({
  store: z.string().max(16).optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  /** The pick-up day (the slot's date). */
  date: z.iso.date("must be a date YYYY-MM-DD").optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export const hqOrdersAnswerSchema = z.object({ orders: z.array(hqOrderSchema) });
export const hqOrderParamsSchema = z.object({ id: z.string().min(1).max(40) });
