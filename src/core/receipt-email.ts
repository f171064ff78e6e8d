/**
 * E-mail receipts (one schema per contract): what a till asks the store, what the store
 * answers, and what the store posts to the notification webhook for a mailer to send.
 */
import { z } from "zod";

/** `POST /api/v1/sales/:id/receipt-email`. */
export const receiptEmailRequestSchema = z.strictObject({
  email: z.email({ error: "must be an e-mail address such as name@example.org" }).max(254),
});
export type ReceiptEmailRequest = z.infer<typeof receiptEmailRequestSchema>;

/** 202: the e-mail waits in the store's outbox for the webhook. */
export const receiptEmailAnswerSchema = z.object({
  deliveryId: z.string(),
  receiptNo: z.string(),
});
export type ReceiptEmailAnswer = z.infer<typeof receiptEmailAnswerSchema>;

/**
 * The webhook's body (header `Ringup-Signature`: hex HMAC-SHA256 of these bytes with the
 * webhook's secret). `url`: the receipt's copy, or null when the store has no publicUrl.
 */
export const receiptEmailPayloadSchema = z.object({
  event: z.literal("receipt.email"),
  deliveryId: z.string(),
  to: z.email(),
  receiptNo: z.string(),
  url: z.string().nullable(),
  text: z.string(),
});
export type ReceiptEmailPayload = z.infer<typeof receiptEmailPayloadSchema>;
