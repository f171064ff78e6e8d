/**
 * Taking back what a sale's gift card lines loaded when the sale is voided or the lines are
 * returned: head office takes each load back first (refused when the card was spent since:
 * GIFT_CARD_SPENT), then the void or return is recorded; one that fails puts the loads back (queued, so the reconciler sends them if
 * head office stops answering in between). Without head office nothing changes:
 * GIFT_CARD_NEEDS_HQ.
 */
import { eq } from "drizzle-orm";
import { giftCardLoads, sales } from "../../../schema/store.ts";
import { uuidv7 } from "../../core/ids.ts";
import { HqRefusal } from "../card-tenders/accounts-link.ts";
import type { StoreContext } from "../context.ts";
import { HqUnreachableError } from "../hq-link/hq-link.ts";
import { GiftCardError } from "./errors.ts";
import { loadsOfSale, postGiftCardLoads } from "./loads.ts";

type LoadRow = typeof giftCardLoads.$inferSelect;

function translated(error: unknown, saleId: string): unknown {
  if (error instanceof HqRefusal && error.code === "OVER_BALANCE") {
    return new GiftCardError(
      "GIFT_CARD_SPENT",
      `a gift card sold on sale ${saleId} was spent since: its load cannot be taken back`,
      error.details,
    );
  }
  if (error instanceof HqUnreachableError) {
    return new GiftCardError(
      "GIFT_CARD_NEEDS_HQ",
      `sale ${saleId} sold a gift card: taking its load back needs head office, which does not answer`,
      { saleId },
    );
  }
  return error;
}

/**
 * Runs `run` (a void, or a return as `doc`) with the loads of the sale's gift card lines (those of
 * `lineNos`, or all) taken back at head office.
 */
export async function withGiftCardLoadsTakenBack<T extends { created: boolean }>(
  ctx: StoreContext,
  saleId: string,
  run: () => T,
  taking: { doc: string; lineNos?: ReadonlySet<number> } = { doc: "void" },
): Promise<T> {
  const status = ctx.db.select({ status: sales.status }).from(sales).where(eq(sales.id, saleId)).get();
  const own = (rows: LoadRow[]) =>
    rows.filter(
      (r) =>
        r.id === `${saleId}:${r.lineNo}` && (taking.lineNos === undefined || taking.lineNos.has(r.lineNo)),
    );
  if (status?.status !== "completed" || own(loadsOfSale(ctx, saleId)).length === 0) return run();
  await postGiftCardLoads(ctx, [saleId]);
  const loads = own(loadsOfSale(ctx, saleId)).filter((r) => r.status !== "refused");
  const link = ctx.accounts;
  if (!link || loads.some((r) => r.status === "pending")) {
    throw translated(new HqUnreachableError(`taking back gift cards of ${saleId}`, "no answer"), saleId);
  }
  const attempt = uuidv7();
  const taken: LoadRow[] = [];
  let result: T | undefined;
  try {
    for (const load of loads) {
      await link.loadGiftCard({
        id: `${taking.doc}:${load.id}:${attempt}`,
        card: load.card,
        storeId: ctx.storeId,
        saleId,
        amountMinor: load.amountMinor,
        takeBack: true,
      });
      taken.push(load);
    }
    result = run();
  } catch (error) {
    await putBack(ctx, taken, attempt);
    throw translated(error, saleId);
  }
  if (!result.created) await putBack(ctx, taken, attempt);
  return result;
}

/** Loads again what an attempt took back (queued, then sent). */
async function putBack(ctx: StoreContext, taken: readonly LoadRow[], attempt: string): Promise<void> {
  if (taken.length === 0) return;
  const at = ctx.now().toISOString();
  for (const load of taken) {
    ctx.db
      .insert(giftCardLoads)
      .values({ ...load, id: `undo:${load.id}:${attempt}`, status: "pending", at, lastError: null })
      .onConflictDoNothing()
      .run();
  }
  await postGiftCardLoads(ctx, [taken[0]?.saleId ?? ""]);
}
