/**
 * Orders head office places for stores: one purchase order per store, or a central order
 * delivered to a warehouse site and transferred on to stores. Each store's order travels down
 * the change log as a `purchase_order` entry for that store alone, under an id derived from the
 * chain order's id and the store's (the same every time), so the store creates it once however
 * often the entry reaches it.
 */
import { z } from "zod";
import { sha256Hex } from "./sha256.ts";

const milli = z.int().positive();

/** A store's purchase order as head office sends it down (the value of a `purchase_order` entry). */
export const purchaseOrderChangeValue = z.strictObject({
  /** The store's order id: `storeOrderId(chainOrderId, storeId)`. */
  id: z.uuid(),
  /** The chain order it is part of. */
  chainOrderId: z.uuid(),
  vendorId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  lines: z
    .array(
      z.strictObject({
        code: z.string().min(1).max(32),
        qtyMilli: milli,
        costMinor: z.int().min(0).nullable(),
      }),
    )
    .min(1)
    .max(5000),
  expectedAt: z.iso.date().nullable(),
  note: z.string().min(1).max(500).nullable(),
  send: z.boolean(),
});
export type PurchaseOrderChangeValue = z.infer<typeof purchaseOrderChangeValue>;

/** The purchase order id a store gets for its part of a chain order: a UUID (version 8) from both ids. */
export function storeOrderId(chainOrderId: string, storeId: string): string {
  return uuidOfName(`ringup.chain-order:${chainOrderId.toLowerCase()}:${storeId}`);
}

/** A UUID (version 8) from a name: the same name, the same id (the first 122 bits of its SHA-256). */
export function uuidOfName(name: string): string {
  const hex = sha256Hex(name);
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface DistributionLine {
  code: string;
  qtyMilli: number;
}

/**
 * A central order's distribution checked against what it orders: every product distributed is
 * on the order, and no product is distributed beyond its ordered quantity. Answers the first
 * problem found (with the path of the field), or null.
 */
export function distributionProblem(
  ordered: readonly DistributionLine[],
  distribution: readonly { storeId: string; lines: readonly DistributionLine[] }[],
): { path: string; message: string } | null {
  const onOrder = new Map(ordered.map((l) => [l.code, l.qtyMilli]));
  const given = new Map<string, number>();
  for (const [i, part] of distribution.entries()) {
    for (const [j, line] of part.lines.entries()) {
      const path = `distribution.${i}.lines.${j}`;
      const orderedMilli = onOrder.get(line.code);
      if (orderedMilli === undefined)
        return { path: `${path}.code`, message: `${line.code} is not on the order` };
      const total = (given.get(line.code) ?? 0) + line.qtyMilli;
      if (total > orderedMilli) {
        return {
          path: `${path}.qty`,
          message: `${line.code} is distributed ${total / 1000} in all, more than the ${orderedMilli / 1000} ordered`,
        };
      }
      given.set(line.code, total);
    }
  }
  return null;
}
