/**
 * Shapes of the store's customer reads: a card scanned at a till (`GET /cards/:number`) and a
 * customer search (`GET /customers`), both answered from the store's copy of head office's
 * customers and cards, online or not. Balances are the last head office sent (`asOf`).
 */
import { z } from "zod";

const str = z.string();
const int = z.number().int();

export const storeCardParamsSchema = z.object({
  number: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{4,32}$/, "must be 4–32 letters, digits or dashes"),
});

export const storeCustomersQuerySchema = z.object({
  /** Name (part), phone, e-mail or card number. */
  q: z.string().trim().min(1).max(120).optional(),
  phone: z.string().trim().min(1).max(24).optional(),
  email: z.string().trim().min(1).max(254).optional(),
  card: z.string().trim().min(1).max(32).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type StoreCustomersQuery = z.infer<typeof storeCustomersQuerySchema>;

export const storeGroupSchema = z.looseObject({
  id: str,
  name: str,
  /** The group's discount in percent, or null. */
  discountPercent: z.number().nullable(),
});

export const storeCustomerSchema = z.looseObject({
  id: str,
  name: str,
  phone: str.nullable(),
  email: str.nullable(),
  birthday: str.nullable(),
  groups: z.array(storeGroupSchema),
});
export type StoreCustomer = z.infer<typeof storeCustomerSchema>;

export const storeCardAnswerSchema = z.looseObject({
  number: str,
  kind: z.enum(["loyalty", "gift"]),
  customerId: str.nullable(),
  blocked: z.boolean(),
  points: int,
  balanceMinor: int,
  replacedBy: str.nullable(),
  expiresAt: str.nullable(),
  /** When head office made the values this store holds. */
  asOf: str,
  customer: storeCustomerSchema.nullable(),
});
export type StoreCardAnswer = z.infer<typeof storeCardAnswerSchema>;

/** A customer a search found, with their loyalty cards that are not blocked (to put on a sale). */
export const storeCustomerMatchSchema = storeCustomerSchema.extend({ cards: z.array(str) });
export type StoreCustomerMatch = z.infer<typeof storeCustomerMatchSchema>;

export const storeCustomersAnswerSchema = z.looseObject({ customers: z.array(storeCustomerMatchSchema) });
