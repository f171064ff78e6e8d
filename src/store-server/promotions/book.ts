/**
 * The store's promotions ready to price with: the active ones of `promotions`, compiled once
 * and kept until one changes (a local definition or one from head office), and each product
 * category's chain up the tree (a promotion on "dairy" meets a product of "dairy/milk").
 */
import type { Database } from "bun:sqlite";
import { eq } from "drizzle-orm";
import { categories, promotions } from "../../../schema/store.ts";
import { categoryChains } from "../../core/catalog-stock-chains.ts";
import { type Promotion, PromotionBook, promotionFromJson } from "../../core/promotions/index.ts";
import { catalogWatchOf } from "../catalog/watch.ts";
import type { StoreDb, StoreTx } from "../context.ts";

interface Cached {
  book: PromotionBook;
  /** Category id → itself and its ancestors. */
  chains: Map<string, string[]>;
}

const cache = new WeakMap<Database, Cached>();

export function activePromotions(db: StoreDb | StoreTx): Promotion[] {
  return db
    .select({ body: promotions.body })
    .from(promotions)
    .where(eq(promotions.active, true))
    .all()
    .map((row) => promotionFromJson(row.body));
}

function chainsOf(db: StoreDb): Map<string, string[]> {
  return categoryChains(db.select({ id: categories.id, parent: categories.parent }).from(categories).all());
}

function cached(ctx: { sqlite: Database; db: StoreDb }): Cached {
  let found = cache.get(ctx.sqlite);
  if (found === undefined) {
    found = { book: new PromotionBook(activePromotions(ctx.db)), chains: chainsOf(ctx.db) };
    cache.set(ctx.sqlite, found);
  }
  return found;
}

/** The active promotions, compiled. */
export function promotionBookOf(ctx: { sqlite: Database; db: StoreDb }): PromotionBook {
  return cached(ctx).book;
}

/** A product's category and the ones above it (none without a category). */
export function categoryChainOf(ctx: { sqlite: Database; db: StoreDb }, category: string | null): string[] {
  if (category === null) return [];
  return cached(ctx).chains.get(category) ?? [category];
}

/**
 * A promotion or a category changed: the next sale reads them again, and tills waiting for
 * catalog changes are woken (as for new settings) to sync them at once.
 */
export function promotionsChanged(ctx: { sqlite: Database }): void {
  cache.delete(ctx.sqlite);
  catalogWatchOf(ctx).settingsChanged();
}
