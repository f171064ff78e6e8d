/**
 * What the purchasing services share: a line's product and quantity checked with where it is in
 * the request, a vendor that must exist, and the trace every change leaves (an audit row and
 * its journal event, in the caller's transaction).
 */
import { and, eq } from "drizzle-orm";
import { audit, products, vendorItems, vendors } from "../../../schema/store.ts";
import { DomainError, RestatedError } from "../../core/errors.ts";
import type { EventPayload, EventType } from "../../core/events.ts";
import { parseQuantityMilli } from "../../core/quantity.ts";
import type { AuditAction } from "../audit/actions.ts";
import type { Principal } from "../auth/tokens.ts";
import { CatalogService } from "../catalog/service.ts";
import type { StoreContext, StoreDb, StoreTx } from "../context.ts";
import { appendEvent } from "../journal/journal.ts";
import { PurchasingError } from "./errors.ts";

export type VendorRow = typeof vendors.$inferSelect;

export interface LineProduct {
  code: string;
  name: string;
  soldByWeight: boolean;
}

/** The product a line names (code or barcode), or an error naming the line. */
export function productOf(catalog: CatalogService, raw: string, where: string): LineProduct {
  try {
    const { product } = catalog.lookup(raw);
    return { code: product.code, name: product.name, soldByWeight: product.soldByWeight };
  } catch (err) {
    if (err instanceof DomainError) throw new RestatedError(err, `${where}: ${err.message}`, { code: raw });
    throw err;
  }
}

/** A line's quantity in milli-units: whole units unless the product is weighed. */
export function qtyOf(product: LineProduct, qty: string | number, where: string): number {
  let milli: number;
  try {
    milli = parseQuantityMilli(qty);
  } catch (err) {
    if (err instanceof DomainError) throw new RestatedError(err, `${where}: ${err.message}`, { qty });
    throw err;
  }
  if (!product.soldByWeight && milli % 1000 !== 0) {
    throw new PurchasingError(
      "FRACTIONAL_QUANTITY",
      `${where}: ${product.name} is counted by the unit; give a whole quantity`,
      { code: product.code, qty },
    );
  }
  return milli;
}

export function vendorOf(db: StoreDb | StoreTx, id: string, where = "vendorId"): VendorRow {
  const row = db.select().from(vendors).where(eq(vendors.id, id)).get();
  if (!row) {
    throw new PurchasingError(
      "VENDOR_NOT_FOUND",
      `${where}: there is no vendor ${id}; add it with POST /vendors`,
      {
        vendorId: id,
      },
    );
  }
  return row;
}

export function productName(db: StoreDb | StoreTx, code: string): string | null {
  return db.select({ name: products.name }).from(products).where(eq(products.code, code)).get()?.name ?? null;
}

/** One change's trace: an audit row and its journal event. */
export function trace<T extends EventType>(
  ctx: StoreContext,
  tx: StoreTx,
  principal: Principal,
  at: Date,
  action: AuditAction & T,
  refId: string,
  detail: Record<string, unknown>,
  payload: EventPayload<T>,
): void {
  tx.insert(audit)
    .values({
      at: at.toISOString(),
      action,
      userId: principal.userId,
      tillId: principal.tillId,
      approvedBy: null,
      refId,
      detail: JSON.stringify(detail),
    })
    .run();
  appendEvent(tx, ctx.storeId, action, payload, at);
}

export function catalogOf(ctx: StoreContext): CatalogService {
  return new CatalogService(ctx);
}

/** A cost no higher than the store's absurd-price guard (`maxPriceMinor`). */
export function checkedCost(ctx: StoreContext, costMinor: number, where: string): number {
  const { maxPriceMinor } = ctx.settings;
  if (costMinor > maxPriceMinor) {
    throw new PurchasingError(
      "COST_OVER_LIMIT",
      `${where}: ${costMinor} is over the store's limit of ${maxPriceMinor} minor units (maxPriceMinor)`,
      { costMinor, maxPriceMinor },
    );
  }
  return costMinor;
}

/** Refuses a product a request lists twice (`seen` holds the codes met so far). */
export function onceEach(seen: Set<string>, code: string, where: string): void {
  if (seen.has(code)) {
    throw new PurchasingError(
      "DUPLICATE_LINE",
      `${where}.code: ${code} is listed twice; add the quantities into one line`,
      { code },
    );
  }
  seen.add(code);
}

/** A line's cost: as given, else the vendor item's; checked against the store's guard. */
export function lineCost(
  ctx: StoreContext,
  vendorId: string,
  code: string,
  given: number | undefined,
  where: string,
): number {
  const costMinor =
    given ??
    ctx.db
      .select({ costMinor: vendorItems.costMinor })
      .from(vendorItems)
      .where(and(eq(vendorItems.vendorId, vendorId), eq(vendorItems.productCode, code)))
      .get()?.costMinor;
  if (costMinor === undefined) {
    throw new PurchasingError(
      "COST_REQUIRED",
      `${where}.costMinor: ${code} is not in vendor ${vendorId}'s catalog; give its cost`,
      { code },
    );
  }
  return checkedCost(ctx, costMinor, `${where}.costMinor`);
}
