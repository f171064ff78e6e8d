/**
 * Exchanges: goods brought back and a new sale, recorded in one transaction so neither exists
 * without the other. The refund pays for the new sale through the exchange's own credit (a
 * refund tender of the return and a tender of the sale, of the same amount); only the
 * difference changes hands: the customer pays it when the new sale costs more, and it is paid
 * back (by default the way the original sale was paid) when it costs less. Idempotent by the
 * return's and the sale's ids.
 */
import { eq } from "drizzle-orm";
import { returns } from "../../../schema/store.ts";
import type { ExchangeRequest, ExchangeResponse } from "../../api/store/exchanges.ts";
import type { ReturnRequest, ReturnResponse } from "../../api/store/returns.ts";
import type { SaleRequest } from "../../api/store/sales.ts";
import { splitRefund } from "../../core/refund-split.ts";
import { EXCHANGE_TENDER, EXCHANGE_TENDER_TYPES, type TenderInput } from "../../core/tenders.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { ReturnsService } from "../returns/service.ts";
import { ExchangeError } from "./errors.ts";

export class ExchangesService {
  private readonly returns: ReturnsService;
  constructor(private readonly ctx: StoreContext) {
    this.returns = new ReturnsService(ctx);
  }

  private answer(ret: ReturnResponse, saleId: string): ExchangeResponse | null {
    const sale = this.returns.sales.get(saleId);
    if (!sale) return null;
    return { return: ret, sale, differenceMinor: sale.totalMinor - ret.totalMinor };
  }

  async record(
    request: ExchangeRequest,
    principal: Principal,
  ): Promise<{ exchange: ExchangeResponse; created: boolean }> {
    const done = this.returns.get(request.return.id);
    if (done) {
      const again = this.answer(done, request.sale.id);
      if (again) return { exchange: again, created: false };
      throw new ExchangeError(
        "RETURN_EXISTS",
        `return ${request.return.id} was recorded without sale ${request.sale.id}: give the exchange a new return id`,
      );
    }
    if (this.returns.sales.get(request.sale.id)) {
      throw new ExchangeError(
        "SALE_EXISTS",
        `sale ${request.sale.id} is already recorded: give the exchange a new sale id`,
      );
    }
    const saleTotal = this.returns.sales.quote(request.sale).totalMinor;
    const rest = request.tenders;
    const choose = (refundMinor: number, refundable: readonly TenderInput[]): TenderInput[] => {
      const credit = Math.min(refundMinor, saleTotal);
      const out: TenderInput[] = credit > 0 ? [{ type: EXCHANGE_TENDER, amountMinor: credit }] : [];
      if (refundMinor > saleTotal) {
        out.push(
          ...(rest ?? splitRefund(refundMinor - saleTotal, refundable, this.ctx.settings.cashRoundingMinor)),
        );
      }
      return out;
    };
    const choice = { choose, tenderTypes: EXCHANGE_TENDER_TYPES };
    const returnRequest: ReturnRequest = { ...request.return, tillId: request.tillId };
    if (request.cashierId !== undefined) returnRequest.cashierId = request.cashierId;
    const prepared = await this.returns.prepare(returnRequest, principal, choice);

    return this.ctx.db.transaction((tx) => {
      const raced = tx
        .select({ id: returns.id })
        .from(returns)
        .where(eq(returns.id, request.return.id))
        .get();
      if (raced) {
        const again = this.answer(this.returns.get(raced.id) as ReturnResponse, request.sale.id);
        if (again) return { exchange: again, created: false };
      }
      const ret = this.returns.writeInTx(tx, prepared, choice);
      const credit = ret.tenders.find((t) => t.type === EXCHANGE_TENDER)?.amountMinor ?? 0;
      const saleTenders: TenderInput[] = credit > 0 ? [{ type: EXCHANGE_TENDER, amountMinor: credit }] : [];
      if (saleTotal > ret.totalMinor) saleTenders.push(...(rest ?? []));
      const saleRequest: SaleRequest = { ...request.sale, tillId: request.tillId, tenders: saleTenders };
      if (request.cashierId !== undefined) saleRequest.cashierId = request.cashierId;
      const { sale } = this.returns.sales.recordInTransaction(
        tx,
        saleRequest,
        principal,
        EXCHANGE_TENDER_TYPES,
      );
      return {
        exchange: { return: ret, sale, differenceMinor: sale.totalMinor - ret.totalMinor },
        created: true,
      };
    });
  }
}
