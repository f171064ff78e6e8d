/**
 * Promotions at the store: head office's (replicated with the catalog) and the store's own
 * (`POST /promotions`). A store may add and deactivate its own; head office's are head
 * office's to change. Each change is in the audit log.
 */
import { and, asc, eq } from "drizzle-orm";
import { categories, departments, products, promotions } from "../../../schema/store.ts";
import type { StoredPromotion } from "../../api/store/promotions.ts";
import type { CategoryChangeValue } from "../../core/catalog-changes.ts";
import {
  checkPromotion,
  type Promotion,
  PromotionRuleError,
  promotionFromJson,
} from "../../core/promotions/index.ts";
import { recordAudit } from "../audit/service.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { statementsOf } from "../db/statements.ts";
import { activePromotions, promotionsChanged } from "./book.ts";
import { StorePromotionError } from "./errors.ts";
import { isStoreOwn } from "./store-own.ts";

type Row = typeof promotions.$inferSelect;

function toStored(row: Row): StoredPromotion {
  return {
    ...promotionFromJson(row.body),
    source: row.source,
    active: row.active,
    updatedAt: row.updatedAt,
  };
}

export class PromotionsService {
  constructor(private readonly ctx: StoreContext) {}

  list(all: boolean): StoredPromotion[] {
    const base = this.ctx.db.select().from(promotions);
    const rows = (all ? base : base.where(eq(promotions.active, true))).orderBy(asc(promotions.id)).all();
    return rows.map(toStored);
  }

  get(id: string): StoredPromotion {
    const row = this.ctx.db.select().from(promotions).where(eq(promotions.id, id)).get();
    if (!row) throw new PromotionRuleError("PROMOTION_NOT_FOUND", `no promotion has the id "${id}"`, { id });
    return toStored(row);
  }

  /** `POST /promotions` at the store: one of the store's own, created or replaced by id. */
  define(promotion: Promotion, principal: Principal): StoredPromotion {
    const at = this.ctx.now();
    const stored = this.ctx.db.transaction((tx) => {
      const existing = tx.select().from(promotions).where(eq(promotions.id, promotion.id)).get();
      if (existing?.source === "hq") {
        throw new StorePromotionError(
          "PROMOTION_FROM_HQ",
          `promotion "${promotion.id}" is head office's; change it there, or give the store's own another id`,
          { id: promotion.id },
        );
      }
      checkPromotion(
        promotion,
        {
          hasProduct: (code) =>
            tx.select({ code: products.code }).from(products).where(eq(products.code, code)).get() !==
            undefined,
          hasCategory: (id) => this.categoryExists(tx, id),
          hasDepartment: (id) =>
            tx.select({ id: departments.id }).from(departments).where(eq(departments.id, id)).get() !==
              undefined ||
            tx.select({ code: products.code }).from(products).where(eq(products.department, id)).get() !==
              undefined,
        },
        activePromotions(tx),
      );
      const row: Row = {
        id: promotion.id,
        source: "store",
        body: JSON.stringify(promotion),
        active: true,
        updatedAt: at.toISOString(),
      };
      tx.insert(promotions).values(row).onConflictDoUpdate({ target: promotions.id, set: row }).run();
      recordAudit(this.ctx, tx, {
        action: "promotion.defined",
        at,
        userId: principal.userId,
        tillId: principal.tillId,
        refId: promotion.id,
        detail: { name: promotion.name, kind: promotion.reward.kind },
      });
      return toStored(row);
    });
    promotionsChanged(this.ctx);
    return stored;
  }

  /** Ends one of the store's own promotions: later sales no longer get it; recorded sales keep it. */
  deactivate(id: string, principal: Principal): StoredPromotion {
    const at = this.ctx.now();
    const stored = this.ctx.db.transaction((tx) => {
      const row = tx.select().from(promotions).where(eq(promotions.id, id)).get();
      if (!row)
        throw new PromotionRuleError("PROMOTION_NOT_FOUND", `no promotion has the id "${id}"`, { id });
      if (row.source === "hq") {
        throw new StorePromotionError(
          "PROMOTION_FROM_HQ",
          `promotion "${id}" is head office's; deactivate it there`,
          { id },
        );
      }
      tx.update(promotions)
        .set({ active: false, updatedAt: at.toISOString() })
        .where(and(eq(promotions.id, id), eq(promotions.source, "store")))
        .run();
      recordAudit(this.ctx, tx, {
        action: "promotion.deactivated",
        at,
        userId: principal.userId,
        tillId: principal.tillId,
        refId: id,
      });
      return toStored({ ...row, active: false, updatedAt: at.toISOString() });
    });
    promotionsChanged(this.ctx);
    return stored;
  }

  private categoryExists(tx: StoreTx, id: string): boolean {
    return tx.select({ id: categories.id }).from(categories).where(eq(categories.id, id)).get() !== undefined;
  }
}

/**
 * A category from head office, applied in the caller's transaction. Taken as sent (a snapshot may
 * bring a child before its parent): head office checked the tree.
 */
export function applyHqCategory(ctx: StoreContext, tx: StoreTx, value: CategoryChangeValue): void {
  const seq = statementsOf(tx).nextCounter.get("catalog");
  if (!seq) throw new Error("counter catalog did not advance");
  const values = { id: value.id, name: value.name, parent: value.parent, changeSeq: seq.value };
  tx.insert(categories).values(values).onConflictDoUpdate({ target: categories.id, set: values }).run();
  promotionsChanged(ctx);
}

/**
 * A promotion from head office, applied in the caller's transaction (replication); false (skipped)
 * when the store has its own under that id: head office never overwrites a store's own.
 */
export function applyHqPromotion(
  ctx: StoreContext,
  tx: StoreTx,
  value: { promotion: Promotion; active: boolean },
  at: Date,
): boolean {
  if (isStoreOwn(tx, promotions, value.promotion.id)) return false;
  const row: Row = {
    id: value.promotion.id,
    source: "hq",
    body: JSON.stringify(value.promotion),
    active: value.active,
    updatedAt: at.toISOString(),
  };
  tx.insert(promotions).values(row).onConflictDoUpdate({ target: promotions.id, set: row }).run();
  promotionsChanged(ctx);
  return true;
}
