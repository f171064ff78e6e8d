/**
 * A till asks, when the cashier enters a promo code, whether the sale may use it now: the code is
 * in force here, and its limits are not reached — chain-wide, by head office, for head office's
 * codes (a claim that counts nothing), by the store for its own. Nothing is counted: the uses are
 * claimed when the sale is recorded (code-claims.ts). Head office unreachable, a single-use code
 * is refused (CODE_NEEDS_HQ) and a multi-use one is allowed within the store's own count.
 */
import { eq } from "drizzle-orm";
import { promotions } from "../../../schema/store.ts";
import type { PromoCodeCheckAnswer, PromoCodeCheckInput } from "../../api/store/promo-code-check.ts";
import {
  codeOutOfDate,
  isLimited,
  isSingleUse,
  PromoCodeError,
  promotionClock,
  promotionFromJson,
  requireUseAllowed,
} from "../../core/promotions/index.ts";
import type { StoreContext } from "../context.ts";
import { saleCustomerOf } from "../customers/sale-customer.ts";
import { HqUnreachableError } from "../hq-link/hq-link.ts";
import { localCount } from "./code-claims.ts";

const CHECK_TIMEOUT_MS = 3_000;

/** Whether head office would take the uses now: true, or false when it cannot be reached. */
async function freeAtHq(
  ctx: StoreContext,
  input: PromoCodeCheckInput,
  customerId: string | null,
  ids: readonly string[],
  code: string,
): Promise<boolean> {
  if (ctx.hq === undefined) return false;
  try {
    await ctx.hq.claimCodes(
      {
        saleId: input.saleId,
        storeId: ctx.storeId,
        at: ctx.now().toISOString(),
        ...(customerId === null ? {} : { customerId }),
        uses: ids.map((promotionId) => ({ promotionId, code, discountMinor: 0 })),
        dryRun: true,
      },
      CHECK_TIMEOUT_MS,
    );
    return true;
  } catch (error) {
    if (error instanceof HqUnreachableError) return false;
    throw error;
  }
}

export async function checkPromoCode(
  ctx: StoreContext,
  input: PromoCodeCheckInput,
): Promise<PromoCodeCheckAnswer> {
  const code = input.code.trim().toUpperCase();
  const rows = ctx.db
    .select()
    .from(promotions)
    .where(eq(promotions.active, true))
    .all()
    .map((row) => ({ source: row.source, promotion: promotionFromJson(row.body) }));
  const refusal = codeOutOfDate(
    rows.map((r) => r.promotion),
    code,
    promotionClock(ctx.now(), ctx.settings.timeZone),
  );
  if (refusal !== null) throw refusal;
  const withCode = rows.filter((r) => r.promotion.code?.toUpperCase() === code);
  const named = withCode.map((r) => ({ id: r.promotion.id, name: r.promotion.name }));
  const limited = withCode.filter((r) => isLimited(r.promotion));
  if (limited.length === 0) return { code, promotions: named, countedBy: "none" };
  const customerId = input.card === undefined ? null : saleCustomerOf(ctx, input.card).customerId;
  const byStore = (list: typeof limited) => {
    for (const { promotion } of list)
      requireUseAllowed(promotion, localCount(ctx, promotion.id, input.saleId, customerId), customerId);
  };
  const chain = limited.filter((r) => r.source === "hq");
  if (chain.length === 0) {
    byStore(limited);
    return { code, promotions: named, countedBy: "store" };
  }
  const ids = chain.map((r) => r.promotion.id);
  if (await freeAtHq(ctx, input, customerId, ids, code)) {
    byStore(limited.filter((r) => r.source === "store"));
    return { code, promotions: named, countedBy: "hq" };
  }
  if (chain.some((r) => isSingleUse(r.promotion))) {
    throw new PromoCodeError(
      "CODE_NEEDS_HQ",
      `code ${code} is single-use and head office, which counts it for the whole chain, cannot be reached; the sale can go on without the code`,
      { code },
    );
  }
  byStore(limited);
  return { code, promotions: named, countedBy: "store" };
}
