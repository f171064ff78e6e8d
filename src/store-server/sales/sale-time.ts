/**
 * When a sale may be dated. A till's clock may run a little ahead of the store's; beyond
 * `maxClockSkewSeconds` a date in the future is refused (it would land in a day not yet
 * reported). A till's sale is never dated before the store opened; an import with an admin
 * token may carry older sales made elsewhere, but none before 2000.
 */
import { eq } from "drizzle-orm";
import { meta } from "../../../schema/store.ts";
import type { StoreContext } from "../context.ts";
import { SaleError } from "./errors.ts";

const EARLIEST = Date.parse("2000-01-01T00:00:00.000Z");

function openedAt(ctx: StoreContext): number {
  const row = ctx.db.select({ value: meta.value }).from(meta).where(eq(meta.key, "openedAt")).get();
  const at = row ? Date.parse(row.value) : Number.NaN;
  return Number.isFinite(at) ? at : EARLIEST;
}

export function requireSaleTime(ctx: StoreContext, at: Date, fromTill: boolean, what = "the sale"): void {
  const skewMs = ctx.settings.maxClockSkewSeconds * 1000;
  const now = ctx.now().getTime();
  const when = at.getTime();
  if (when > now + skewMs) {
    throw new SaleError(
      "SALE_DATE_INVALID",
      `${what} is dated ${at.toISOString()}, later than the store's clock (${new Date(now).toISOString()}) allows; check the till's date and time`,
      {
        at: at.toISOString(),
        storeNow: new Date(now).toISOString(),
        maxClockSkewSeconds: ctx.settings.maxClockSkewSeconds,
      },
    );
  }
  const floor = fromTill ? Math.max(EARLIEST, openedAt(ctx) - skewMs) : EARLIEST;
  if (when < floor) {
    throw new SaleError(
      "SALE_DATE_INVALID",
      `${what} is dated ${at.toISOString()}, before ${fromTill ? "this store opened" : "2000"} (${new Date(floor).toISOString()}); check the till's date and time`,
      { at: at.toISOString(), earliest: new Date(floor).toISOString() },
    );
  }
}
