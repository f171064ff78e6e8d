/**
 * What head office sends down to stores: catalog, prices, users and store settings, as
 * entries of a compacted change log. Each entry has a chain-wide `seq`, a `storeId` (`*` for
 * every store, or the one store it is meant for), a `kind`, a `key` within the kind, and the latest `value` for
 * that key. A store applies entries in seq order and remembers the highest seq it applied;
 * every value is complete on its own, so a store that missed entries needs only the latest
 * one per key ("everything after seq N"), and a new store needs only the current entries (a
 * snapshot).
 *
 * Prices: a product's or price entry's `priceMinor` is the chain price and `storePrices` holds
 * the stores that have their own price; a store sells at `priceForStore(value, storeId)`. A
 * store therefore never has to combine two entries, and the order in which it reads the `*`
 * entries and its own entries does not matter.
 */
import { z } from "zod";
import { categoryIdSchema, categoryInputSchema } from "./catalog-stock.ts";
import { purchaseOrderChangeValue } from "./chain-orders.ts";
import { customTenderSchema } from "./custom-tenders.ts";
import { cardChangeValue, customerChangeValue, customerGroupChangeValue } from "./customer-changes.ts";
import { storeIdSchema } from "./ids.ts";
import { messageSchema } from "./messages/schema.ts";
import { orderActionValue, orderChangeValue } from "./order-change.ts";
import { roleIdSchema, roleSchema } from "./permissions.ts";
import { productCodeSchema, stockFieldsShape } from "./product-input.ts";
import { promotionSchema } from "./promotions/schema.ts";
import { commissionRuleChangeValue, serviceChangeValue } from "./services/definitions.ts";
import { storeSettingsSchema } from "./settings.ts";

/** Entries meant for every store. */
export const ALL_STORES = "*";

export { CHANGE_KINDS, type ChangeKind } from "./change-kinds.ts";

const moneyMinor = z.int().nonnegative();

/** Stores with their own price for a product: store id → price in minor units. */
export const storePricesSchema = z.record(storeIdSchema, moneyMinor);

export const productChangeValue = z.strictObject({
  code: productCodeSchema,
  name: z.string().min(1).max(60),
  barcodes: z.array(z.string().min(1).max(14)).max(20),
  /** The chain price. */
  priceMinor: moneyMinor,
  storePrices: storePricesSchema,
  taxClass: z.string().max(16).nullable(),
  department: z.string().max(16).nullable(),
  soldByWeight: z.boolean(),
  openPrice: z.boolean(),
  costMinor: moneyMinor.nullable(),
  unit: z.enum(["each", "kg", "lb", "l"]),
  active: z.boolean(),
  /** The customer's age the product needs; absent from a head office that predates it. */
  minAge: z.int().min(0).max(99).nullable().optional(),
  /** Stock fields; absent from a head office that predates them (the store's own stay). */
  ...stockFieldsShape,
  /** Absent from a head office that predates serials. */
  serialised: z.boolean().optional(),
});
export type ProductChangeValue = z.infer<typeof productChangeValue>;

/** A price changed (now, or a scheduled change that came due): the product's whole price picture. */
export const priceChangeValue = z.strictObject({
  code: productCodeSchema,
  priceMinor: moneyMinor,
  storePrices: storePricesSchema,
});
export type PriceChangeValue = z.infer<typeof priceChangeValue>;

/**
 * A user and role. `pinHash` is the argon2id hash of the PIN (Bun.password) so the cashier
 * logs in at any of their stores with one PIN; it is sent only in an entry of a store the user
 * works at, over that store's own NATS subjects, and is null everywhere else (other stores, and
 * head office's HTTP feed). `storeIds` null means every store.
 */
export const userChangeValue = z.strictObject({
  userId: z.string().min(1).max(64),
  name: z.string().min(1).max(80),
  /** A built-in role or a custom one (sent as a `role` entry). */
  role: roleIdSchema,
  pinHash: z.string().min(1).max(200).nullable(),
  storeIds: z.array(storeIdSchema).nullable(),
  active: z.boolean(),
});
export type UserChangeValue = z.infer<typeof userChangeValue>;

/** A custom role, whole; a deleted one is sent with `active: false`. */
export const roleChangeValue = roleSchema.extend({ active: z.boolean() });
export type RoleChangeValue = z.infer<typeof roleChangeValue>;

/** A promotion of the chain, whole, and whether it is in force (an ended one is sent inactive). */
export const promotionChangeValue = z.strictObject({ promotion: promotionSchema, active: z.boolean() });
export type PromotionChangeValue = z.infer<typeof promotionChangeValue>;

/** A message of the chain, whole, and whether it is in force. */
export const messageChangeValue = z.strictObject({ message: messageSchema, active: z.boolean() });
export type MessageChangeValue = z.infer<typeof messageChangeValue>;

/** A product category of the chain (a tree by parent). */
export const categoryChangeValue = categoryInputSchema.extend({ parent: categoryIdSchema.nullable() });
export type CategoryChangeValue = z.infer<typeof categoryChangeValue>;

/** Settings of one store (always sent to that store only). */
export const settingsChangeValue = storeSettingsSchema;
export type SettingsChangeValue = z.infer<typeof settingsChangeValue>;

const envelope = {
  seq: z.int().positive(),
  /** `*` (every store) or the one store the entry is meant for. */
  storeId: z.union([z.literal(ALL_STORES), storeIdSchema]),
  key: z.string().min(1).max(64),
  /** When head office made the change, ISO 8601 UTC. */
  at: z.iso.datetime(),
};

/** One change-log entry as sent down (validate with this at the receiving boundary). */
export const catalogChangeSchema = z.discriminatedUnion("kind", [
  z.strictObject({ ...envelope, kind: z.literal("product"), value: productChangeValue }),
  z.strictObject({ ...envelope, kind: z.literal("price"), value: priceChangeValue }),
  z.strictObject({ ...envelope, kind: z.literal("user"), value: userChangeValue }),
  z.strictObject({ ...envelope, kind: z.literal("settings"), value: settingsChangeValue }),
  z.strictObject({ ...envelope, kind: z.literal("customer"), value: customerChangeValue }),
  z.strictObject({ ...envelope, kind: z.literal("customer_group"), value: customerGroupChangeValue }),
  z.strictObject({ ...envelope, kind: z.literal("card"), value: cardChangeValue }),
  z.strictObject({ ...envelope, kind: z.literal("promotion"), value: promotionChangeValue }),
  z.strictObject({ ...envelope, kind: z.literal("category"), value: categoryChangeValue }),
  /** A purchase order head office placed for the store (always sent to that store only). */
  z.strictObject({ ...envelope, kind: z.literal("purchase_order"), value: purchaseOrderChangeValue }),
  /** A customer order for one store (its pick-up store): see order-change.ts. */
  z.strictObject({ ...envelope, kind: z.literal("order"), value: orderChangeValue }),
  /** A change of such an order forwarded by head office (its lines, status or collection). */
  z.strictObject({ ...envelope, kind: z.literal("order_action"), value: orderActionValue }),
  z.strictObject({ ...envelope, kind: z.literal("message"), value: messageChangeValue }),
  /** One of the shop's own tenders, whole (an ended one is sent with `active: false`). */
  z.strictObject({ ...envelope, kind: z.literal("tender"), value: customTenderSchema }),
  /** A custom role of the chain (for every store). */
  z.strictObject({ ...envelope, kind: z.literal("role"), value: roleChangeValue }),
  /** A service or package of the chain, whole (src/core/services/definitions.ts). */
  z.strictObject({ ...envelope, kind: z.literal("service"), value: serviceChangeValue }),
  /** A staff commission rule of the chain, whole (an ended one is sent with `active: false`). */
  z.strictObject({ ...envelope, kind: z.literal("commission_rule"), value: commissionRuleChangeValue }),
]);
export type CatalogChange = z.infer<typeof catalogChangeSchema>;

/** The price a store sells a product at: its own price when it has one, else the chain price. */
export function priceForStore(
  value: { priceMinor: number; storePrices: Record<string, number> },
  storeId: string,
) {
  return value.storePrices[storeId] ?? value.priceMinor;
}

/** Whether a user may work (log in) at a store. */
export function userActiveAt(value: UserChangeValue, storeId: string): boolean {
  return value.active && (value.storeIds === null || value.storeIds.includes(storeId));
}

/** Whether an entry is meant for a store. */
export function isForStore(change: { storeId: string }, storeId: string): boolean {
  return change.storeId === ALL_STORES || change.storeId === storeId;
}
