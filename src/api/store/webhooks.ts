/**
 * Shapes of the web shop's side of the store: its webhooks (`POST /webhooks`, CONTRACT.md),
 * the deliveries' bodies, and the products and stock offered to it (`GET /shop/products`).
 */
import { z } from "zod";

export const WEBHOOK_EVENTS = ["stock.changed", "order.changed", "sale.completed"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const webhookRequestSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).max(500),
  events: z
    .array(z.enum([...WEBHOOK_EVENTS, "*"], { error: `must be one of ${WEBHOOK_EVENTS.join(", ")} or *` }))
    .min(1, "name at least one event")
    .max(10),
  secret: z.string().min(16, "must be at least 16 characters").max(512),
});
export type WebhookRequest = z.infer<typeof webhookRequestSchema>;

export const webhookParamsSchema = z.object({ id: z.string().min(1).max(40) });

/** An endpoint as listed: never its secret. */
export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  status: z.enum(["active", "parked"]),
  parkedReason: z.string().nullable(),
  parkedAt: z.string().nullable(),
  /** Deliveries waiting for it. */
  pending: z.int(),
  createdAt: z.string(),
});
export type Webhook = z.infer<typeof webhookSchema>;
export const webhooksAnswerSchema = z.object({ webhooks: z.array(webhookSchema) });
export const webhookDeletedAnswerSchema = z.object({ id: z.string(), deleted: z.literal(true) });

/** Every delivery's body: `id` is the delivery id (also in the `Ringup-Delivery` header). */
export const webhookBodySchema = z.object({
  id: z.string(),
  event: z.enum(WEBHOOK_EVENTS),
  storeId: z.string(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookBody = z.infer<typeof webhookBodySchema>;

/** `stock.changed`'s data: a product's stock after the change. */
export const stockChangedDataSchema = z.object({
  code: z.string(),
  onHandMilli: z.int(),
  reservedMilli: z.int(),
  availableMilli: z.int(),
  available: z.number(),
  /** What changed it: a movement's kind (sale, receipt…) or "reservation". */
  cause: z.string(),
  refId: z.string().nullable(),
});

export const shopProductsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  /** The last code of the previous page. */
  after: z.string().max(32).optional(),
});
export const shopProductSchema = z.object({
  code: z.string(),
  name: z.string(),
  priceMinor: z.int(),
  soldByWeight: z.boolean(),
  taxClass: z.string().nullable(),
  department: z.string().nullable(),
  onHandMilli: z.int(),
  reservedMilli: z.int(),
  availableMilli: z.int(),
  available: z.number(),
});
export const shopProductsAnswerSchema = z.object({
  products: z.array(shopProductSchema),
  /** Give it as `after` for the next page; null on the last. */
  next: z.string().nullable(),
  currency: z.string(),
});
