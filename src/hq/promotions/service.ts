/**
 * The chain's promotions and product categories. Each is checked (the products and
 * categories it names exist, no overlap of exclusive promotions), kept, and recorded in the
 * change log in the same transaction; the publisher gets the entries after the commit, and
 * every store (and through it every till) prices with them from then on.
 */
import { asc, eq } from "drizzle-orm";
import { hqCategories, hqProducts, hqPromotions } from "../../../schema/hq.ts";
import { ALL_STORES } from "../../core/catalog-changes.ts";
import { type CategoryInput, categoryAncestry } from "../../core/catalog-stock.ts";
import {
  checkPromotion,
  type Promotion,
  PromotionRuleError,
  promotionFromJson,
} from "../../core/promotions/index.ts";
import { recordChange } from "../catalog/change-log.ts";
import { publishCommitted } from "../catalog/service.ts";
import type { HqContext, HqDb, HqTx } from "../context.ts";

type PromotionRow = typeof hqPromotions.$inferSelect;

export type HqPromotion = Promotion & { active: boolean; createdAt: string; updatedAt: string };

function toPromotion(row: PromotionRow): HqPromotion {
  return {
    ...promotionFromJson(row.body),
    active: row.active,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function activeOf(db: HqDb | HqTx): Promotion[] {
  return db
    .select()
    .from(hqPromotions)
    .where(eq(hqPromotions.active, true))
    .all()
    .map((row) => promotionFromJson(row.body));
}

function notFound(id: string): PromotionRuleError {
  return new PromotionRuleError("PROMOTION_NOT_FOUND", `no promotion has the id "${id}"`, { id });
}

export class HqPromotionsService {
  constructor(private readonly ctx: HqContext) {}

  list(all: boolean): HqPromotion[] {
    const base = this.ctx.db.select().from(hqPromotions);
    return (all ? base : base.where(eq(hqPromotions.active, true)))
      .orderBy(asc(hqPromotions.id))
      .all()
      .map(toPromotion);
  }

  get(id: string): HqPromotion {
    const row = this.ctx.db.select().from(hqPromotions).where(eq(hqPromotions.id, id)).get();
    if (!row) throw notFound(id);
    return toPromotion(row);
  }

  /** `POST /promotions`: created or replaced by id, in force from now (within its own schedule). */
  define(promotion: Promotion): HqPromotion {
    const at = this.ctx.now();
    const { result, change } = this.ctx.db.transaction((tx) => {
      checkPromotion(
        promotion,
        {
          hasProduct: (code) =>
            tx.select({ code: hqProducts.code }).from(hqProducts).where(eq(hqProducts.code, code)).get() !==
            undefined,
          hasCategory: (id) =>
            tx.select({ id: hqCategories.id }).from(hqCategories).where(eq(hqCategories.id, id)).get() !==
            undefined,
          // Departments are each store's own: any id is taken.
          hasDepartment: () => true,
        },
        activeOf(tx),
      );
      const existing = tx.select().from(hqPromotions).where(eq(hqPromotions.id, promotion.id)).get();
      const row: PromotionRow = {
        id: promotion.id,
        body: JSON.stringify(promotion),
        active: true,
        createdAt: existing?.createdAt ?? at.toISOString(),
        updatedAt: at.toISOString(),
      };
      tx.insert(hqPromotions).values(row).onConflictDoUpdate({ target: hqPromotions.id, set: row }).run();
      const change = recordChange(
        tx,
        { storeId: ALL_STORES, kind: "promotion", key: promotion.id, value: { promotion, active: true } },
        at,
      );
      return { result: toPromotion(row), change };
    });
    publishCommitted(this.ctx, [change]);
    return result;
  }

  /** Ends a promotion everywhere: later sales no longer get it; recorded sales keep it. */
  deactivate(id: string): HqPromotion {
    const at = this.ctx.now();
    const { result, change } = this.ctx.db.transaction((tx) => {
      const row = tx.select().from(hqPromotions).where(eq(hqPromotions.id, id)).get();
      if (!row) throw notFound(id);
      const ended = { ...row, active: false, updatedAt: at.toISOString() };
      tx.update(hqPromotions)
        .set({ active: false, updatedAt: ended.updatedAt })
        .where(eq(hqPromotions.id, id))
        .run();
      const promotion = promotionFromJson(row.body);
      const change = recordChange(
        tx,
        { storeId: ALL_STORES, kind: "promotion", key: id, value: { promotion, active: false } },
        at,
      );
      return { result: toPromotion(ended), change };
    });
    publishCommitted(this.ctx, [change]);
    return result;
  }

  listCategories(): { id: string; name: string; parent: string | null }[] {
    return this.ctx.db
      .select({ id: hqCategories.id, name: hqCategories.name, parent: hqCategories.parent })
      .from(hqCategories)
      .orderBy(asc(hqCategories.id))
      .all();
  }

  /** `POST /categories`: created, renamed or moved; an unknown parent or a cycle is refused. */
  upsertCategory(input: CategoryInput): { id: string; name: string; parent: string | null } {
    const at = this.ctx.now();
    const parent = input.parent ?? null;
    const { result, change } = this.ctx.db.transaction((tx) => {
      const parentOf = (id: string) =>
        tx.select({ parent: hqCategories.parent }).from(hqCategories).where(eq(hqCategories.id, id)).get()
          ?.parent ?? null;
      if (parent !== null && !tx.select().from(hqCategories).where(eq(hqCategories.id, parent)).get()) {
        throw new PromotionRuleError(
          "UNKNOWN_CATEGORY",
          `category "${input.id}": no category has the id "${parent}" (add the parent first)`,
          { category: parent },
        );
      }
      categoryAncestry(input.id, parent, parentOf);
      const value = { id: input.id, name: input.name, parent };
      tx.insert(hqCategories)
        .values({ ...value, updatedAt: at.toISOString() })
        .onConflictDoUpdate({ target: hqCategories.id, set: { ...value, updatedAt: at.toISOString() } })
        .run();
      const change = recordChange(tx, { storeId: ALL_STORES, kind: "category", key: input.id, value }, at);
      return { result: value, change };
    });
    publishCommitted(this.ctx, [change]);
    return result;
  }
}
