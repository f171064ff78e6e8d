/**
 * A product's minimum and maximum stock at one location of the store: set or cleared by a
 * manager, audited and journalled (`stock.limits_changed`, so head office lists below-minimum stock
 * too), and rebuilt from the journal by the same `writeLimits`.
 */
import { and, asc, eq } from "drizzle-orm";
import { audit, stockLimits } from "../../../schema/store.ts";
import type { StockLimit, StockLimitRequest } from "../../api/store/stock-limits.ts";
import { checkStockLimits, unitsToMilli } from "../../core/catalog-stock.ts";
import type { EventPayload } from "../../core/events.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import type { Principal } from "../auth/tokens.ts";
import { CatalogService } from "../catalog/service.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { appendEvent } from "../journal/journal.ts";
import { StockError } from "./errors.ts";

type LimitRow = typeof stockLimits.$inferSelect;

function toLimit(row: LimitRow): StockLimit {
  return {
    code: row.productCode,
    location: row.location,
    min: row.minMilli / 1000,
    minMilli: row.minMilli,
    max: row.maxMilli === null ? null : row.maxMilli / 1000,
    maxMilli: row.maxMilli,
    userId: row.userId,
    updatedAt: row.updatedAt,
  };
}

/** Writes (or, with `minMilli` null, deletes) one product's limits at a location. */
export function writeLimits(tx: StoreTx, p: EventPayload<"stock.limits_changed">): void {
  const key = and(eq(stockLimits.productCode, p.code), eq(stockLimits.location, p.location));
  if (p.minMilli === null) {
    tx.delete(stockLimits).where(key).run();
    return;
  }
  const row = { minMilli: p.minMilli, maxMilli: p.maxMilli, userId: p.userId, updatedAt: p.at };
  tx.insert(stockLimits)
    .values({ productCode: p.code, location: p.location, ...row })
    .onConflictDoUpdate({ target: [stockLimits.productCode, stockLimits.location], set: row })
    .run();
}

export class StockLimitService {
  private readonly catalog: CatalogService;
  constructor(private readonly ctx: StoreContext) {
    this.catalog = new CatalogService(ctx);
  }

  set(
    request: StockLimitRequest,
    principal: Principal,
  ): { code: string; location: string; limit: StockLimit | null } {
    const { product } = this.catalog.lookup(request.code);
    const minMilli = request.min === null ? null : unitsToMilli(request.min);
    const maxMilli = request.max === null ? null : unitsToMilli(request.max);
    if (!product.soldByWeight && [minMilli, maxMilli].some((m) => m !== null && m % 1000 !== 0)) {
      throw new StockError(
        "FRACTIONAL_QUANTITY",
        `min/max: ${product.name} is counted by the unit; give whole quantities`,
        { code: product.code, min: request.min, max: request.max },
      );
    }
    checkStockLimits(product.code, minMilli, maxMilli);
    const at = this.ctx.now();
    const payload = {
      code: product.code,
      location: request.location,
      minMilli,
      maxMilli,
      userId: principal.userId,
      at: at.toISOString(),
    };
    this.ctx.db.transaction((tx) => {
      writeLimits(tx, payload);
      tx.insert(audit)
        .values({
          at: payload.at,
          action: AUDIT_ACTIONS.stockLimitsChanged,
          userId: principal.userId,
          tillId: principal.tillId,
          approvedBy: null,
          refId: `${product.code}@${request.location}`,
          detail: JSON.stringify({ code: product.code, location: request.location, minMilli, maxMilli }),
        })
        .run();
      appendEvent(tx, this.ctx.storeId, "stock.limits_changed", payload, at);
    });
    const [limit] = this.list({ code: product.code, location: request.location, limit: 1 });
    return { code: product.code, location: request.location, limit: limit ?? null };
  }

  list(query: { code?: string | undefined; location?: string | undefined; limit: number }): StockLimit[] {
    return this.ctx.db
      .select()
      .from(stockLimits)
      .where(
        and(
          query.code === undefined ? undefined : eq(stockLimits.productCode, query.code),
          query.location === undefined ? undefined : eq(stockLimits.location, query.location),
        ),
      )
      .orderBy(asc(stockLimits.productCode), asc(stockLimits.location))
      .limit(query.limit)
      .all()
      .map(toLimit);
  }
}
