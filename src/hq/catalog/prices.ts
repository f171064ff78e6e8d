/**
 * Prices: the chain price (on the product) and each store's own price, which wins over it.
 * A change without `effectiveAt`, or with one already past, applies at once; a later one waits
 * in `price_changes` until the scheduler applies it (`applyDue`). Every applied change records
 * the product's whole price picture in the change log for every store.
 */
import { and, asc, eq, isNull, lte } from "drizzle-orm";
import { hqProducts, priceChanges, storePrices, stores } from "../../../schema/hq.ts";
import type { PriceInput, PricePicture, PriceResult, ScheduledPrice } from "../../api/hq/catalog.ts";
import { ALL_STORES, type CatalogChange } from "../../core/catalog-changes.ts";
import { storeSettingsSchema } from "../../core/settings.ts";
import type { HqContext, HqTx } from "../context.ts";
import { ProductNotApplicableError, UnknownProductError, UnknownStoreError } from "../errors.ts";
import { recordChange } from "./change-log.ts";
import { publishCommitted, storePricesOf } from "./service.ts";

type PriceChangeRow = typeof priceChanges.$inferSelect;

export class PriceService {
  constructor(private readonly ctx: HqContext) {}

  /** Sets a price now or schedules it; bad references change nothing. */
  set(input: PriceInput): PriceResult {
    const now = this.ctx.now();
    const effective = input.effectiveAt === undefined ? now : new Date(input.effectiveAt);
    const due = effective.getTime() <= now.getTime();
    const { row, changes } = this.ctx.db.transaction((tx) => {
      if (
        !tx.select({ code: hqProducts.code }).from(hqProducts).where(eq(hqProducts.code, input.code)).get()
      ) {
        throw new UnknownProductError(input.code);
      }
      if (
        input.storeId !== undefined &&
        !tx.select({ id: stores.storeId }).from(stores).where(eq(stores.storeId, input.storeId)).get()
      ) {
        throw new UnknownStoreError(input.storeId);
      }
      // A price over a store's ceiling would be skipped there: refused here, naming the store.
      const over = tx
        .select({ storeId: stores.storeId, settings: stores.settings })
        .from(stores)
        .all()
        .filter((s) => input.storeId === undefined || s.storeId === input.storeId)
        .map((s) => ({
          storeId: s.storeId,
          max: storeSettingsSchema.parse(s.settings === null ? {} : JSON.parse(s.settings)).maxPriceMinor,
        }))
        .filter((s) => input.priceMinor !== null && input.priceMinor > s.max);
      if (over.length > 0) {
        throw new ProductNotApplicableError(input.code, [
          `price ${input.priceMinor} is over the price limit of ${over.map((s) => `${s.storeId} (${s.max})`).join(", ")}`,
        ]);
      }
      const inserted = tx
        .insert(priceChanges)
        .values({
          code: input.code,
          storeId: input.storeId ?? null,
          priceMinor: input.priceMinor,
          effectiveAt: effective.toISOString(),
          createdAt: now.toISOString(),
          appliedAt: null,
        })
        .returning()
        .get();
      return { row: inserted, changes: due ? [this.applyInTx(tx, inserted, now)] : [] };
    });
    publishCommitted(this.ctx, changes);
    return {
      id: row.id,
      code: row.code,
      storeId: row.storeId,
      priceMinor: row.priceMinor,
      effectiveAt: row.effectiveAt,
      status: due ? "applied" : "scheduled",
    };
  }

  /** Applies every scheduled change due by `now`, oldest first; answers the changes recorded. */
  applyDue(now: Date = this.ctx.now()): CatalogChange[] {
    const changes = this.ctx.db.transaction((tx) =>
      tx
        .select()
        .from(priceChanges)
        .where(and(isNull(priceChanges.appliedAt), lte(priceChanges.effectiveAt, now.toISOString())))
        .orderBy(asc(priceChanges.effectiveAt), asc(priceChanges.id))
        .all()
        .map((row) => this.applyInTx(tx, row, now)),
    );
    // Two due changes of one product leave one entry in the log: hand over the survivors.
    const survivors = new Map(changes.map((c) => [c.key, c]));
    publishCommitted(
      this.ctx,
      [...survivors.values()].sort((a, b) => a.seq - b.seq),
    );
    return changes;
  }

  /** When the next scheduled change is due, or null when none waits. */
  nextDueAt(): Date | null {
    const row = this.ctx.db
      .select({ at: priceChanges.effectiveAt })
      .from(priceChanges)
      .where(isNull(priceChanges.appliedAt))
      .orderBy(asc(priceChanges.effectiveAt))
      .limit(1)
      .get();
    return row ? new Date(row.at) : null;
  }

  /** A product's prices now and the changes waiting for their time. */
  picture(code: string): PricePicture {
    const product = this.ctx.db
      .select({ priceMinor: hqProducts.priceMinor })
      .from(hqProducts)
      .where(eq(hqProducts.code, code))
      .get();
    if (!product) throw new UnknownProductError(code);
    const scheduled: ScheduledPrice[] = this.ctx.db
      .select({
        id: priceChanges.id,
        storeId: priceChanges.storeId,
        priceMinor: priceChanges.priceMinor,
        effectiveAt: priceChanges.effectiveAt,
        createdAt: priceChanges.createdAt,
      })
      .from(priceChanges)
      .where(and(eq(priceChanges.code, code), isNull(priceChanges.appliedAt)))
      .orderBy(asc(priceChanges.effectiveAt), asc(priceChanges.id))
      .all();
    return {
      code,
      priceMinor: product.priceMinor,
      storePrices: storePricesOf(this.ctx.db, code),
      scheduled,
    };
  }

  private applyInTx(tx: HqTx, row: PriceChangeRow, now: Date): CatalogChange {
    const at = now.toISOString();
    if (row.storeId === null) {
      // The refinement on the input makes a null chain price impossible; keep the old one if so.
      if (row.priceMinor !== null) {
        tx.update(hqProducts)
          .set({ priceMinor: row.priceMinor, updatedAt: at })
          .where(eq(hqProducts.code, row.code))
          .run();
      }
    } else if (row.priceMinor === null) {
      tx.delete(storePrices)
        .where(and(eq(storePrices.code, row.code), eq(storePrices.storeId, row.storeId)))
        .run();
      tx.update(hqProducts).set({ updatedAt: at }).where(eq(hqProducts.code, row.code)).run();
    } else {
      tx.insert(storePrices)
        .values({ code: row.code, storeId: row.storeId, priceMinor: row.priceMinor, updatedAt: at })
        .onConflictDoUpdate({
          target: [storePrices.code, storePrices.storeId],
          set: { priceMinor: row.priceMinor, updatedAt: at },
        })
        .run();
      tx.update(hqProducts).set({ updatedAt: at }).where(eq(hqProducts.code, row.code)).run();
    }
    tx.update(priceChanges).set({ appliedAt: at }).where(eq(priceChanges.id, row.id)).run();
    const product = tx
      .select({ priceMinor: hqProducts.priceMinor })
      .from(hqProducts)
      .where(eq(hqProducts.code, row.code))
      .get();
    return recordChange(
      tx,
      {
        storeId: ALL_STORES,
        kind: "price",
        key: row.code,
        value: {
          code: row.code,
          priceMinor: product?.priceMinor ?? 0,
          storePrices: storePricesOf(tx, row.code),
        },
      },
      now,
    );
  }
}
