/**
 * What head office sends stores about customers, customer groups and cards, as entries of the
 * catalog change log (kinds `customer`, `customer_group`, `card`; see catalog-changes.ts). Each
 * value is complete on its own. A store answers card look-ups and customer searches from them
 * while head office is out of reach; balances are the last head office sent.
 */
import { z } from "zod";

const id = z.string().min(1).max(64);

export const customerChangeValue = z.strictObject({
  id,
  /** "(erased)" once the customer's personal data was erased. */
  name: z.string().min(1).max(120),
  phone: z.string().max(16).nullable(),
  email: z.string().max(254).nullable(),
  birthday: z.string().max(10).nullable(),
  groups: z.array(id).max(100),
  /** The customer this one was merged into: look that one up instead. */
  mergedInto: id.nullable(),
  erased: z.boolean(),
});
export type CustomerChangeValue = z.infer<typeof customerChangeValue>;

export const customerGroupChangeValue = z.strictObject({
  id,
  name: z.string().min(1).max(80),
  /** The group's discount in basis points (5.5% = 550), or null. */
  discountBp: z.int().min(1).max(10_000).nullable(),
});
export type CustomerGroupChangeValue = z.infer<typeof customerGroupChangeValue>;

export const cardChangeValue = z.strictObject({
  number: z.string().min(1).max(32),
  kind: z.enum(["loyalty", "gift"]),
  customerId: id.nullable(),
  blocked: z.boolean(),
  replacedBy: z.string().max(32).nullable(),
  expiresAt: z.string().max(30).nullable(),
  points: z.int(),
  balanceMinor: z.int(),
});
export type CardChangeValue = z.infer<typeof cardChangeValue>;
