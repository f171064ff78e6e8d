/**
 * A product's stock here and at the chain's other sites. The other sites' come from head office
 * (`GET /stock?code=` there, which keeps every store's stock from their journals) through the
 * store's link, with a short deadline: a price check must not wait on a slow link. Without a
 * link, or when head office does not answer in time, only this store's stock is answered.
 */
import type { StockSitesAnswer } from "../../api/store/stock-sites.ts";
import { DomainError } from "../../core/errors.ts";
import { CatalogService } from "../catalog/service.ts";
import type { StoreContext } from "../context.ts";
import { connectionOf } from "../db/statements.ts";

/** How long the store waits for head office's answer. */
export const OTHER_SITES_TIMEOUT_MS = 1_500;

export async function stockAtSites(ctx: StoreContext, rawCode: string): Promise<StockSitesAnswer> {
  const { product } = new CatalogService(ctx).lookup(rawCode);
  const here =
    connectionOf(ctx.db)
      .query<{ n: number }, [string]>("SELECT on_hand_milli AS n FROM stock_levels WHERE product_code = ?1")
      .get(product.code)?.n ?? 0;
  const answer: StockSitesAnswer = {
    code: product.code,
    here: { onHandMilli: here },
    reachable: false,
    sites: [],
  };
  if (!ctx.hq) return answer;
  try {
    const chain = await ctx.hq.stockAcrossSites(product.code, "stock at other sites", OTHER_SITES_TIMEOUT_MS);
    answer.reachable = true;
    answer.sites = chain.sites
      .filter((s) => s.storeId !== ctx.storeId)
      .sort((a, b) => b.onHandMilli - a.onHandMilli || a.storeId.localeCompare(b.storeId))
      .map((s) => ({ storeId: s.storeId, onHand: s.onHandMilli / 1000, onHandMilli: s.onHandMilli }));
  } catch (err) {
    // Unreachable or refused: the till shows this store's stock only.
    if (!(err instanceof DomainError)) throw err;
  }
  return answer;
}
