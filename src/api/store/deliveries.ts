/**
 * Shapes of deliveries (CONTRACT.md, "Restaurant, services, delivery"): `POST /deliveries` for
 * an order or a sale, `POST /deliveries/:id/courier`, `POST /deliveries/:id/status` (forward
 * only), and the dispatch list `GET /deliveries`.
 */
import { z } from "zod";
import { DELIVERY_STATUSES } from "../../core/events/delivery-events.ts";
import { refId } from "../../core/events/fields.ts";
import { uuidSchema } from "../../core/ids.ts";
import { MAX_DRAWER_MINOR } from "./shifts.ts";

export { DELIVERY_STATUSES };
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const minor = z
  .number({ error: "must be a whole number of minor units" })
  .int("must be whole minor units")
  .min(0, "must not be negative")
  .max(MAX_DRAWER_MINOR, `is absurd: at most ${MAX_DRAWER_MINOR} minor units`);

export const deliveryRequestSchema = z
  .strictObject({
    id: uuidSchema,
    orderId: uuidSchema.optional(),
    saleId: uuidSchema.optional(),
    address: z
      .string()
      .trim()
      .min(3, "give the address")
      .max(300, "must be at most 300 characters")
      .regex(/^[^\p{Cc}]+$/u, "must not contain control characters"),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{5,24}$/, "must be a phone number such as +1 555 0100"),
    /** The delivery fee (exact, minor units); a sale's fee is rung as one of its lines. */
    feeMinor: minor.default(0),
    /** Cash the courier collects at the door; default: an order's balance due plus the fee, 0 for a sale. */
    collectMinor: minor.optional(),
    /** When the customer was promised the delivery (ISO 8601). */
    promisedAt: z.iso.datetime({ offset: true, error: "must be an ISO 8601 time" }).optional(),
    courierId: refId.optional(),
  })
  .refine((b) => (b.orderId === undefined) !== (b.saleId === undefined), {
    message: "give orderId or saleId (one of them)",
    path: ["orderId"],
  });
export type DeliveryRequest = z.infer<typeof deliveryRequestSchema>;

export const deliveryStatusRequestSchema = z.strictObject({
  status: z.enum(DELIVERY_STATUSES, { error: `must be one of ${DELIVERY_STATUSES.join(", ")}` }),
});

export const courierRequestSchema = z.strictObject({ courierId: refId });

export const deliveryParamsSchema = z.object({ id: uuidSchema });

export const deliveriesQuerySchema = z.object({
  status: z.enum(["open", ...DELIVERY_STATUSES], { error: "must be open or a delivery status" }).optional(),
  courierId: refId.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type DeliveriesQuery = z.infer<typeof deliveriesQuerySchema>;

export const deliverySchema = z.object({
  id: z.string(),
  orderId: z.string().nullable(),
  saleId: z.string().nullable(),
  address: z.string(),
  phone: z.string(),
  feeMinor: z.number().int(),
  collectMinor: z.number().int(),
  promisedAt: z.string().nullable(),
  status: z.enum(DELIVERY_STATUSES),
  courierId: z.string().nullable(),
  collectedMinor: z.number().int(),
  handInId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(z.object({ status: z.string(), at: z.string(), userId: z.string() })),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const deliveriesAnswerSchema = z.object({ deliveries: z.array(deliverySchema) });

/** The notification posted to the webhook on each status a delivery reaches (once each). */
export interface DeliveryStatusNotification {
  event: "delivery.status";
  deliveryId: string;
  notificationId: string;
  status: DeliveryStatus;
  phone: string;
  address: string;
  promisedAt: string | null;
  orderId: string | null;
  saleId: string | null;
  at: string;
}
