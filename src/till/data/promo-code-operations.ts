/**
 * A promo code entered at the till, asked of the store (which asks head office for the chain's
 * limited codes). Cut off from the store, the till answers with its own synced promotions (see
 * state/promo-codes.ts): single-use codes are refused, multi-use ones accepted.
 */
import { tillStoreRoutes } from "../../api/store/till-routes.ts";
import { type Promotion, promotionClock } from "../../core/promotions/index.ts";
import type { PromoCodeCheck } from "../services.ts";
import { promoCodeOffline } from "../state/promo-codes.ts";
import { StoreUnreachableError } from "./errors.ts";
import { OnlineOperations } from "./online-operations.ts";

export class PromoCodeOperations extends OnlineOperations {
  async checkPromoCode(
    input: { code: string; saleId: string; card?: string | undefined },
    offline: { promotions: readonly Promotion[]; timeZone: string },
  ): Promise<PromoCodeCheck> {
    try {
      const answer = await this.call("checking a promo code", (token) =>
        this.storeClient().request(tillStoreRoutes["POST /api/v1/promotions/codes/check"], {
          body: {
            code: input.code,
            saleId: input.saleId,
            ...(input.card === undefined ? {} : { card: input.card }),
          },
          token,
        }),
      );
      return { code: answer.code, names: answer.promotions.map((p) => p.name), checkedBy: "store" };
    } catch (err) {
      if (!(err instanceof StoreUnreachableError)) throw err;
      const clock = promotionClock(new Date(), offline.timeZone);
      const names = promoCodeOffline(offline.promotions, input.code, clock);
      return { code: input.code.toUpperCase(), names, checkedBy: "till" };
    }
  }
}
