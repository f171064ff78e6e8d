/**
 * Stock: on-hand quantities per product, the movement ledger, and manual adjustments
 * (deliveries, counts, damage) with a reason, audited and journalled.
 */

import { and, asc, desc, eq, gte, isNotNull, lt, sql } from "drizzle-orm";
import { audit, products, stockLevels, stockMovements } from "../../../schema/store.ts";
import type {
  AdjustmentRequest,
  AdjustmentResult,
  MovementKind,
  StockLevel,
  StockMovement,
} from "../../api/store/stock.ts";
import { dayStartInstant, nextDay } from "../../core/day-bounds.ts";
import { DomainError, RestatedError } from "../../core/errors.ts";
import { uuidv7 } from "../../core/ids.ts";
import { milliToDecimalString, parseQuantityMilli } from "../../core/quantity.ts";
import { divRound, type RoundingMode } from "../../core/rounding.ts";
import type { Principal } from "../auth/tokens.ts";
import { CatalogService } from "../catalog/service.ts";
import type { StoreContext, StoreDb, StoreTx } from "../context.ts";
import { appendEvent } from "../journal/journal.ts";
import { stockFiguresOf } from "../webhooks/stock-changes.ts";
import { StockDocumentService } from "./document-service.ts";
import { placesOf } from "./document-stock.ts";
import { StockError } from "./errors.ts";
import { costingOf, moveStock } from "./ledger.ts";

/** A signed quantity ("-3", 2.5) in milli-units; zero and more than 3 decimals are refused. */
export function parseSignedQuantityMilli(value: string | number): number {
  const text = typeof value === "number" ? String(value) : value.trim();
  const negative = text.startsWith("-");
  try {
    const milli = parseQuantityMilli(negative ? text.slice(1) : text);
    return negative ? -milli : milli;
  } catch (err) {
    if (err instanceof DomainError) {
      throw new RestatedError(err, `qty: ${err.message}`, { qty: value });
    }
    throw err;
  }
}

function toQty(milli: number): number {
  return Number(milliToDecimalString(milli));
}

type MovementRow = typeof stockMovements.$inferSelect;

function toMovement(row: MovementRow): StockMovement {
  return {
    id: row.id,
    code: row.productCode,
    kind: row.kind as MovementKind,
    qty: toQty(row.qtyMilli),
    qtyMilli: row.qtyMilli,
    refId: row.refId,
    reason: row.reason,
    userId: row.userId,
    at: row.at,
    valueMinor: row.valueMinor,
    costMinor:
      row.valueMinor === null
        ? null
        : row.qtyMilli < 0
          ? -row.valueMinor
          : row.valueMinor + (row.settledMinor ?? 0),
    settledMinor: row.settledMinor,
  };
}

export class StockService {
  private readonly catalog: CatalogService;
  private readonly documents: StockDocumentService;
  constructor(private readonly ctx: StoreContext) {
    this.catalog = new CatalogService(ctx);
    this.documents = new StockDocumentService(ctx);
  }

  /** The product code a scanned or typed code stands for (404 when unknown). */
  resolveCode(code: string): { code: string; name: string; soldByWeight: boolean } {
    const { product } = this.catalog.lookup(code);
    return { code: product.code, name: product.name, soldByWeight: product.soldByWeight };
  }

  private onHandMilli(db: StoreDb | StoreTx, code: string): number {
    const row = db
      .select({ onHandMilli: stockLevels.onHandMilli })
      .from(stockLevels)
      .where(eq(stockLevels.productCode, code))
      .get();
    return row?.onHandMilli ?? 0;
  }

  movements(
    code: string,
    limit: number,
    before?: number,
    range?: { from: string; to: string },
  ): StockMovement[] {
    const where = and(
      eq(stockMovements.productCode, code),
      before ? lt(stockMovements.id, before) : undefined,
      range ? gte(stockMovements.at, dayStartInstant(range.from, this.ctx.settings.timeZone)) : undefined,
      range
        ? lt(stockMovements.at, dayStartInstant(nextDay(range.to), this.ctx.settings.timeZone))
        : undefined,
    );
    return this.ctx.db
      .select()
      .from(stockMovements)
      .where(where)
      .orderBy(desc(stockMovements.id))
      .limit(limit)
      .all()
      .map(toMovement);
  }

  /** On hand of one product, with its latest movements. */
  level(rawCode: string, movementCount: number): StockLevel {
    const product = this.resolveCode(rawCode);
    const onHandMilli = this.onHandMilli(this.ctx.db, product.code);
    const { avgCostMinor, valueMinor } = costOnHand(
      this.ctx.db,
      product.code,
      onHandMilli,
      this.ctx.settings.roundingMode,
    );
    const places = placesOf(this.ctx.db, product.code);
    const { reservedMilli, availableMilli } = stockFiguresOf(this.ctx.sqlite, product.code);
    const level: StockLevel = {
      code: product.code,
      name: product.name,
      onHand: toQty(onHandMilli),
      onHandMilli,
      negative: onHandMilli < 0,
      reserved: toQty(reservedMilli),
      available: toQty(availableMilli),
      avgCostMinor,
      valueMinor,
      byLocation: places.byLocation.map((p) => ({ location: p.location, onHand: toQty(p.onHandMilli) })),
    };
    if (places.lots.length > 0) {
      level.lots = places.lots.map((l) => ({ lot: l.lot, expiry: l.expiry, onHand: toQty(l.onHandMilli) }));
    }
    if (movementCount > 0) level.movements = this.movements(product.code, movementCount);
    return level;
  }

  /** On hand of every product with a movement (optionally only those below zero), by code. */
  levels(negativeOnly: boolean, limit: number, offset: number): StockLevel[] {
    return this.ctx.db
      .select({ code: stockLevels.productCode, onHandMilli: stockLevels.onHandMilli, name: products.name })
      .from(stockLevels)
      .leftJoin(products, eq(products.code, stockLevels.productCode))
      .where(negativeOnly ? lt(stockLevels.onHandMilli, 0) : sql`1 = 1`)
      .orderBy(asc(stockLevels.productCode))
      .limit(limit)
      .offset(offset)
      .all()
      .map((r) => ({
        code: r.code,
        name: r.name,
        onHand: toQty(r.onHandMilli),
        onHandMilli: r.onHandMilli,
        negative: r.onHandMilli < 0,
      }));
  }

  private adjustmentResult(row: MovementRow, kind: AdjustmentResult["kind"], name: string | null) {
    const onHandMilli = this.onHandMilli(this.ctx.db, row.productCode);
    const result: AdjustmentResult = {
      code: row.productCode,
      name,
      onHand: toQty(onHandMilli),
      onHandMilli,
      negative: onHandMilli < 0,
      movementId: row.id,
      deltaMilli: row.qtyMilli,
      kind,
      reason: row.reason ?? "",
    };
    return result;
  }

  /**
   * An adjustment of kind "count": its qty is the quantity counted, so stock is set to it. It is
   * recorded as a one-line count document (idempotent by the adjustment's id).
   */
  private countOne(
    request: AdjustmentRequest,
    principal: Principal,
  ): { result: AdjustmentResult; created: boolean } {
    const { document, created } = this.documents.create(
      {
        id: request.id ?? uuidv7(),
        type: "count",
        post: true,
        reason: request.reason,
        lines: [
          { code: request.code, qty: typeof request.qty === "string" ? request.qty.trim() : request.qty },
        ],
      },
      principal,
    );
    const line = document.lines[0];
    if (!line) throw new Error(`count ${document.id} has no line`);
    const onHandMilli = this.onHandMilli(this.ctx.db, line.code);
    const result: AdjustmentResult = {
      code: line.code,
      name: line.name,
      onHand: toQty(onHandMilli),
      onHandMilli,
      negative: onHandMilli < 0,
      movementId: line.movementId,
      deltaMilli: line.differenceMilli,
      kind: "count",
      reason: request.reason,
    };
    return { result, created };
  }

  /**
   * Changes on-hand stock by hand, with a reason (manager and up). With an `id`, a repeat
   * answers the first result and changes nothing.
   */
  adjust(request: AdjustmentRequest, principal: Principal): { result: AdjustmentResult; created: boolean } {
    if (request.kind === "count") return this.countOne(request, principal);
    const product = this.resolveCode(request.code);
    const deltaMilli = parseSignedQuantityMilli(request.qty);
    if (!product.soldByWeight && deltaMilli % 1000 !== 0) {
      throw new StockError(
        "FRACTIONAL_QUANTITY",
        `qty: ${product.name} is counted by the unit; give a whole quantity`,
        { code: product.code, qty: request.qty },
      );
    }
    const refId = request.id ?? null;
    const replay = (): { result: AdjustmentResult; created: boolean } | null => {
      if (!refId) return null;
      const row = this.ctx.db
        .select()
        .from(stockMovements)
        .where(and(eq(stockMovements.refId, refId), eq(stockMovements.kind, "adjustment")))
        .get();
      if (!row) return null;
      if (row.productCode !== product.code || row.qtyMilli !== deltaMilli) {
        throw new StockError(
          "ADJUSTMENT_ID_REUSED",
          `adjustment ${refId} was already recorded for ${row.productCode} with another quantity; use a new id`,
          { id: refId },
        );
      }
      return { result: this.adjustmentResult(row, request.kind, product.name), created: false };
    };
    const first = replay();
    if (first) return first;

    const at = this.ctx.now();
    const atIso = at.toISOString();
    const movementId = this.ctx.db.transaction((tx) => {
      const moved = moveStock(
        tx,
        {
          code: product.code,
          qtyMilli: deltaMilli,
          kind: "adjustment",
          refId,
          reason: request.reason,
          userId: principal.userId,
          at: atIso,
          ...(request.unitCostMinor === undefined ? {} : { unitCostMinor: request.unitCostMinor }),
        },
        costingOf(this.ctx.settings),
      );
      tx.insert(audit)
        .values({
          at: atIso,
          action: "stock.adjusted",
          userId: principal.userId,
          tillId: principal.tillId,
          approvedBy: null,
          refId: refId ?? String(moved.movementId),
          detail: JSON.stringify({
            code: product.code,
            deltaMilli,
            kind: request.kind,
            reason: request.reason,
          }),
        })
        .run();
      appendEvent(
        tx,
        this.ctx.storeId,
        "stock.adjusted",
        {
          code: product.code,
          deltaMilli,
          onHandMilli: moved.onHandMilli,
          kind: request.kind,
          reason: request.reason,
          refId,
          userId: principal.userId,
          at: atIso,
        },
        at,
      );
      return moved.movementId;
    });
    const row = this.ctx.db.select().from(stockMovements).where(eq(stockMovements.id, movementId)).get();
    if (!row) throw new Error(`stock movement ${movementId} vanished after commit`);
    return { result: this.adjustmentResult(row, request.kind, product.name), created: true };
  }
}

/**
 * The value of a product's stock on hand as the store's costing method left it (the value after
 * its latest costed movement), and the average cost of a unit of it: null before any costed movement.
 */
function costOnHand(
  db: StoreDb,
  code: string,
  onHandMilli: number,
  mode: RoundingMode,
): { avgCostMinor: number | null; valueMinor: number | null } {
  const last = db
    .select({ value: stockMovements.valueAfterMinor })
    .from(stockMovements)
    .where(and(eq(stockMovements.productCode, code), isNotNull(stockMovements.valueAfterMinor)))
    .orderBy(desc(stockMovements.id))
    .limit(1)
    .get();
  if (last?.value == null) return { avgCostMinor: null, valueMinor: null };
  const avgCostMinor =
    onHandMilli > 0 ? Number(divRound(BigInt(last.value) * 1000n, BigInt(onHandMilli), mode)) : null;
  return { avgCostMinor, valueMinor: last.value };
}
