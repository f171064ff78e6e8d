/**
 * Shapes of `POST /customers` at the store: a customer created at a till (with the loyalty card
 * issued to them), under the till's own id (a UUIDv7) so the same customer sent again — the till
 * retrying after the store was out of reach — is the same customer. The store keeps them in its
 * copy at once and forwards them to head office (queued while head office is out of reach).
 */
import { z } from "zod";
import { emailSchema, phoneSchema } from "../hq/customers.ts";
import { storeCardAnswerSchema, storeCustomerSchema } from "./customers.ts";
import { cardNumberField } from "./sales.ts";

export const tillCustomerInputSchema = z.strictObject({
  /** The till's id for the customer: a UUID (v7), kept by the store and head office. */
  id: z.uuid("must be the customer's id (a UUID)"),
  name: z.string().trim().min(1, "must not be empty").max(120),
  phone: phoneSchema.optional(),
  email: emailSchema.optional(),
  /** A loyalty card issued to the customer with this number. */
  card: cardNumberField.optional(),
});
export type TillCustomerInput = z.infer<typeof tillCustomerInputSchema>;

export const tillCustomerAnswerSchema = z.looseObject({
  customer: storeCustomerSchema,
  /** The card issued to the customer, as the store now has it; null without one. */
  card: storeCardAnswerSchema.nullable(),
  /** Whether head office has the customer (and card) yet; false: queued at the store. */
  atHeadOffice: z.boolean(),
});
export type TillCustomerAnswer = z.infer<typeof tillCustomerAnswerSchema>;
