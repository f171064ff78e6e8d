/**
 * What the suggested order reads from purchasing: a vendor's items with their terms, and the
 * units still open on sent orders. A term the vendor item leaves out takes the store's
 * `[replenishment]` default.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { purchaseOrderLines, purchaseOrders, vendorItems, vendors } from "../../../schema/store.ts";
import type { StoreContext } from "../context.ts";

export interface VendorTerms {
  code: string;
  leadTimeDays: number;
  caseSize: number;
  minOrderQty: number;
}

/** A vendor's items on its terms, or undefined when the store keeps no such vendor. */
export function vendorTermsOf(ctx: StoreContext, vendorId: string): VendorTerms[] | undefined {
  const vendor = ctx.db.select({ id: vendors.id }).from(vendors).where(eq(vendors.id, vendorId)).get();
  if (vendor === undefined) return undefined;
  const defaults = ctx.settings.replenishment;
  return ctx.db
    .select()
    .from(vendorItems)
    .where(eq(vendorItems.vendorId, vendorId))
    .all()
    .map((item) => ({
      code: item.productCode,
      leadTimeDays: item.leadTimeDays ?? defaults.leadTimeDays,
      caseSize: item.caseSizeMilli === null ? defaults.caseSize : item.caseSizeMilli / 1000,
      minOrderQty: item.minOrderMilli === null ? defaults.minOrderQty : item.minOrderMilli / 1000,
    }));
}

/** Units ordered and not yet received on sent or partly received orders, per product. */
export function unitsOnOrder(ctx: StoreContext, codes: readonly string[]): Map<string, number> {
  const open = new Map<string, number>();
  for (let at = 0; at < codes.length; at += CODES_PER_QUERY) {
    for (const row of openRows(ctx, codes.slice(at, at + CODES_PER_QUERY)))
      open.set(row.code, row.openMilli / 1000);
  }
  return open;
}

/** Codes per query, well under SQLite's bound on bound parameters. */
const CODES_PER_QUERY = 500;

function openRows(ctx: StoreContext, codes: readonly string[]) {
  return ctx.db
    .select({
      code: purchaseOrderLines.productCode,
      openMilli: sql<number>`sum(max(${purchaseOrderLines.orderedMilli} - ${purchaseOrderLines.receivedMilli}, 0))`,
    })
    .from(purchaseOrderLines)
    .innerJoin(purchaseOrders, eq(purchaseOrders.id, purchaseOrderLines.orderId))
    .where(
      and(
        inArray(purchaseOrders.status, ["sent", "partly_received"]),
        inArray(purchaseOrderLines.productCode, [...codes]),
      ),
    )
    .groupBy(purchaseOrderLines.productCode)
    .all();
}
