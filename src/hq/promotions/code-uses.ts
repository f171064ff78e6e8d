/**
 * Chain-wide uses of limited promo codes. A store claims the uses a sale makes before it records
 * the sale: all of them or none, once per sale id (a repeat answers the same), refused when a
 * code's limit is reached — whichever store used it. A sale not completed releases its uses.
 * Uses a store accepted offline (multi-use codes only) are counted when they arrive, never refused.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { hqCodeUses, hqPromotions } from "../../../schema/hq.ts";
import type { CodeClaimAnswer, CodeClaimInput, CodeUsageAnswer } from "../../api/hq/promo-codes.ts";
import {
  codeUsage,
  PromoCodeError,
  promotionFromJson,
  requireUseAllowed,
} from "../../core/promotions/index.ts";
import type { HqContext, HqTx } from "../context.ts";

function countUses(tx: HqTx, promotionId: string, saleId: string, customerId: string | null) {
  const live = and(
    eq(hqCodeUses.promotionId, promotionId),
    isNull(hqCodeUses.releasedAt),
    sql`${hqCodeUses.saleId} <> ${saleId}`,
  );
  const row = tx
    .select({
      total: sql<number>`count(*)`,
      byCustomer: sql<number>`coalesce(sum(case when ${hqCodeUses.customerId} = ${customerId} then 1 else 0 end), 0)`,
    })
    .from(hqCodeUses)
    .where(live)
    .get();
  return { total: row?.total ?? 0, byCustomer: customerId === null ? 0 : (row?.byCustomer ?? 0) };
}

export class HqCodeUsesService {
  constructor(private readonly ctx: HqContext) {}

  /**
   * `POST /promotions/claims`: counts a sale's uses of limited codes, or refuses them all. A
   * `dryRun` only refuses what a claim would refuse now, and counts nothing.
   */
  claim(input: CodeClaimInput): CodeClaimAnswer {
    const customerId = input.customerId ?? null;
    return this.ctx.db.transaction((tx) => {
      const uses = input.uses.map((use) => {
        const row = tx.select().from(hqPromotions).where(eq(hqPromotions.id, use.promotionId)).get();
        const promotion = row === undefined ? undefined : promotionFromJson(row.body);
        const code = use.code.toUpperCase();
        if (promotion === undefined || promotion.code?.toUpperCase() !== code) {
          throw new PromoCodeError("CODE_UNKNOWN", `no promotion of head office has the code ${code}`, {
            code,
          });
        }
        const key = and(eq(hqCodeUses.saleId, input.saleId), eq(hqCodeUses.promotionId, use.promotionId));
        const existing = tx.select().from(hqCodeUses).where(key).get();
        if (existing === undefined || existing.releasedAt !== null) {
          if (input.offline !== true) {
            requireUseAllowed(
              promotion,
              countUses(tx, use.promotionId, input.saleId, customerId),
              customerId,
            );
          }
          if (input.dryRun === true) {
            const counted = countUses(tx, use.promotionId, input.saleId, null).total;
            return { promotionId: use.promotionId, code, uses: counted, maxUses: promotion.maxUses ?? null };
          }
          const value = {
            saleId: input.saleId,
            promotionId: use.promotionId,
            code,
            storeId: input.storeId,
            customerId,
            discountMinor: use.discountMinor,
            offline: input.offline === true,
            at: input.at,
            releasedAt: null,
          };
          tx.insert(hqCodeUses)
            .values(value)
            .onConflictDoUpdate({ target: [hqCodeUses.saleId, hqCodeUses.promotionId], set: value })
            .run();
        }
        const counted = countUses(tx, use.promotionId, "", null).total;
        return { promotionId: use.promotionId, code, uses: counted, maxUses: promotion.maxUses ?? null };
      });
      return { saleId: input.saleId, uses };
    });
  }

  /** The store a sale's uses were claimed by (null when it claimed none). */
  storeOf(saleId: string): string | null {
    return (
      this.ctx.db
        .select({ storeId: hqCodeUses.storeId })
        .from(hqCodeUses)
        .where(eq(hqCodeUses.saleId, saleId))
        .get()?.storeId ?? null
    );
  }

  /** Frees a sale's uses (it was not completed): idempotent. */
  release(saleId: string): { saleId: string; released: number } {
    const at = this.ctx.now().toISOString();
    const held = and(eq(hqCodeUses.saleId, saleId), isNull(hqCodeUses.releasedAt));
    const released = this.ctx.db.transaction((tx) => {
      const count = tx.select({ n: sql<number>`count(*)` }).from(hqCodeUses).where(held).get()?.n ?? 0;
      tx.update(hqCodeUses).set({ releasedAt: at }).where(held).run();
      return count;
    });
    return { saleId, released };
  }

  /** Every limited code's uses, by store (released ones not counted). */
  usage(): CodeUsageAnswer {
    const counts = this.ctx.db
      .select({
        promotionId: hqCodeUses.promotionId,
        storeId: hqCodeUses.storeId,
        uses: sql<number>`count(*)`,
        offline: sql<number>`sum(${hqCodeUses.offline})`,
        discountMinor: sql<number>`sum(${hqCodeUses.discountMinor})`,
      })
      .from(hqCodeUses)
      .where(isNull(hqCodeUses.releasedAt))
      .groupBy(hqCodeUses.promotionId, hqCodeUses.storeId)
      .all();
    const promotions = this.ctx.db
      .select()
      .from(hqPromotions)
      .all()
      .map((r) => promotionFromJson(r.body));
    return { codes: codeUsage(promotions, counts) };
  }
}
