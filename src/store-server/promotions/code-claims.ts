/**
 * Counting the uses of limited promo codes a sale makes, before the store records it.
 *
 * Head office's codes are counted chain-wide: the store claims the sale's uses from head office
 * (once per sale id) and records them in `code_uses`. When head office cannot be reached, a
 * single-use code is refused (CODE_NEEDS_HQ: another store may have used it); a multi-use code
 * is allowed within the store's own count and claimed later (`offline`), when the link is back.
 * The store's own codes are counted by the store alone. A sale that is not recorded, or is
 * cancelled, releases its uses.
 */
import { and, eq, sql } from "drizzle-orm";
import { codeUses, promotions } from "../../../schema/store.ts";
import {
  type AppliedPromotion,
  codeOutOfDate,
  isLimited,
  isSingleUse,
  PromoCodeError,
  type Promotion,
  promotionClock,
  promotionFromJson,
  requireUseAllowed,
} from "../../core/promotions/index.ts";
import type { StoreContext } from "../context.ts";
import { HqUnreachableError } from "../hq-link/hq-link.ts";
import { activePromotions } from "./book.ts";

const CLAIM_TIMEOUT_MS = 3_000;

export interface SaleCodes {
  saleId: string;
  at: string;
  customerId: string | null;
  /** Codes the sale's promotions used (upper case). */
  codes: readonly string[];
  promotions: readonly AppliedPromotion[];
}

interface Use {
  promotion: Promotion;
  source: "hq" | "store";
  code: string;
  discountMinor: number;
}

/** The limited promotions a sale's codes used, each with what it took off. */
function usesOf(ctx: StoreContext, sale: SaleCodes): Use[] {
  const uses: Use[] = [];
  for (const applied of sale.promotions) {
    const row = ctx.db.select().from(promotions).where(eq(promotions.id, applied.id)).get();
    if (row === undefined) continue;
    const promotion = promotionFromJson(row.body);
    const code = promotion.code?.toUpperCase();
    if (code === undefined || !sale.codes.includes(code) || !isLimited(promotion)) continue;
    uses.push({ promotion, source: row.source, code, discountMinor: applied.discountMinor });
  }
  return uses;
}

export function localCount(
  ctx: StoreContext,
  promotionId: string,
  saleId: string,
  customerId: string | null,
) {
  const row = ctx.db
    .select({
      total: sql<number>`count(*)`,
      byCustomer: sql<number>`coalesce(sum(case when ${codeUses.customerId} = ${customerId} then 1 else 0 end), 0)`,
    })
    .from(codeUses)
    .where(
      and(
        eq(codeUses.promotionId, promotionId),
        eq(codeUses.released, false),
        sql`${codeUses.saleId} <> ${saleId}`,
      ),
    )
    .get();
  return { total: row?.total ?? 0, byCustomer: customerId === null ? 0 : (row?.byCustomer ?? 0) };
}

function keep(ctx: StoreContext, sale: SaleCodes, use: Use, claimed: boolean): void {
  const value = {
    saleId: sale.saleId,
    promotionId: use.promotion.id,
    code: use.code,
    customerId: sale.customerId,
    discountMinor: use.discountMinor,
    at: sale.at,
    claimed,
    released: false,
  };
  ctx.db
    .insert(codeUses)
    .values(value)
    .onConflictDoUpdate({ target: [codeUses.saleId, codeUses.promotionId], set: value })
    .run();
}

function alreadyKept(ctx: StoreContext, saleId: string, promotionId: string): boolean {
  const row = ctx.db
    .select({ released: codeUses.released })
    .from(codeUses)
    .where(and(eq(codeUses.saleId, saleId), eq(codeUses.promotionId, promotionId)))
    .get();
  return row !== undefined && !row.released;
}

/**
 * Counts the sale's uses of limited codes, or refuses the sale (PromoCodeError) with nothing
 * counted. Returns whether anything was counted (to release if the sale is not recorded).
 */
export async function claimSaleCodes(ctx: StoreContext, sale: SaleCodes): Promise<boolean> {
  const uses = usesOf(ctx, sale).filter((use) => !alreadyKept(ctx, sale.saleId, use.promotion.id));
  if (uses.length === 0) return false;
  const own = uses.filter((use) => use.source === "store");
  const chain = uses.filter((use) => use.source === "hq");
  for (const use of own)
    requireUseAllowed(
      use.promotion,
      localCount(ctx, use.promotion.id, sale.saleId, sale.customerId),
      sale.customerId,
    );
  let online = false;
  if (chain.length > 0) {
    online = await claimAtHq(ctx, sale, chain);
    if (!online) {
      const single = chain.find((use) => isSingleUse(use.promotion));
      if (single !== undefined) {
        throw new PromoCodeError(
          "CODE_NEEDS_HQ",
          `code ${single.code} is single-use and head office, which counts it for the whole chain, cannot be reached; the sale can go on without the code`,
          { code: single.code },
        );
      }
      for (const use of chain)
        requireUseAllowed(
          use.promotion,
          localCount(ctx, use.promotion.id, sale.saleId, sale.customerId),
          sale.customerId,
        );
    }
  }
  ctx.db.transaction(() => {
    for (const use of own) keep(ctx, sale, use, true);
    for (const use of chain) keep(ctx, sale, use, online);
  });
  if (online) void claimPending(ctx);
  return true;
}

/** Claims at head office: true when counted, false when head office cannot be reached. */
async function claimAtHq(ctx: StoreContext, sale: SaleCodes, uses: readonly Use[]): Promise<boolean> {
  if (ctx.hq === undefined) return false;
  try {
    await ctx.hq.claimCodes(
      {
        saleId: sale.saleId,
        storeId: ctx.storeId,
        at: sale.at,
        ...(sale.customerId === null ? {} : { customerId: sale.customerId }),
        uses: uses.map((u) => ({
          promotionId: u.promotion.id,
          code: u.code,
          discountMinor: u.discountMinor,
        })),
      },
      CLAIM_TIMEOUT_MS,
    );
    return true;
  } catch (error) {
    if (error instanceof HqUnreachableError) return false;
    throw error;
  }
}

let reconciling = false;

/** Claims, as offline uses, what the store accepted while head office was unreachable. */
export async function claimPending(ctx: StoreContext): Promise<number> {
  if (ctx.hq === undefined || reconciling) return 0;
  reconciling = true;
  try {
    const pending = ctx.db
      .select()
      .from(codeUses)
      .where(and(eq(codeUses.claimed, false), eq(codeUses.released, false)))
      .limit(200)
      .all();
    let claimed = 0;
    for (const row of pending) {
      try {
        await ctx.hq.claimCodes(
          {
            saleId: row.saleId,
            storeId: ctx.storeId,
            at: row.at,
            ...(row.customerId === null ? {} : { customerId: row.customerId }),
            uses: [{ promotionId: row.promotionId, code: row.code, discountMinor: row.discountMinor }],
            offline: true,
          },
          CLAIM_TIMEOUT_MS,
        );
      } catch {
        return claimed;
      }
      ctx.db
        .update(codeUses)
        .set({ claimed: true })
        .where(and(eq(codeUses.saleId, row.saleId), eq(codeUses.promotionId, row.promotionId)))
        .run();
      claimed += 1;
    }
    return claimed;
  } finally {
    reconciling = false;
  }
}

/** Frees a sale's code uses (not recorded, or cancelled), here and at head office. */
export async function releaseSaleCodes(ctx: StoreContext, saleId: string): Promise<void> {
  const rows = ctx.db
    .select()
    .from(codeUses)
    .where(and(eq(codeUses.saleId, saleId), eq(codeUses.released, false)))
    .all();
  if (rows.length === 0) return;
  ctx.db.update(codeUses).set({ released: true }).where(eq(codeUses.saleId, saleId)).run();
  if (rows.some((r) => r.claimed) && ctx.hq !== undefined) {
    try {
      await ctx.hq.releaseCodes(saleId, CLAIM_TIMEOUT_MS);
    } catch {
      // Head office keeps the use until it hears otherwise; the store's own count is freed.
    }
  }
}

/**
 * Refuses presented codes that took nothing off because of their dates or because no promotion
 * has them (CODE_UNKNOWN, CODE_EXPIRED, CODE_NOT_YET_VALID); a code whose condition the basket
 * does not meet yet is not refused.
 */
export function requireCodesInForce(
  ctx: StoreContext,
  presented: readonly string[] | undefined,
  used: readonly string[],
  at: Date,
): void {
  if (presented === undefined || presented.length === 0) return;
  const unused = presented.filter((code) => !used.includes(code.trim().toUpperCase()));
  if (unused.length === 0) return;
  const clock = promotionClock(at, ctx.settings.timeZone);
  const active = activePromotions(ctx.db);
  for (const code of unused) {
    const refusal = codeOutOfDate(active, code, clock);
    if (refusal !== null) throw refusal;
  }
}
