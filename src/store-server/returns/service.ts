/**
 * Returns. With a receipt (originalSaleId or receiptNo) the refund is priced from the original
 * sale, this store's or, through head office, another store's of the chain, never for more than
 * was sold less what came back before anywhere; without one it needs a supervisor's approval and
 * is priced from the current catalog. Without tenders the refund goes back the way the sale was
 * paid. A return is recorded at once: the return, its lines, refund tenders, tax breakdown, stock
 * back in, the quantities returned on the sale, an audit row and its journal event,
 * idempotently by the id the till made.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { returns, sales, shifts } from "../../../schema/store.ts";
import type { ReturnedLine, ReturnRequest, ReturnResponse } from "../../api/store/returns.ts";
import { businessDay } from "../../core/business-day.ts";
import type { ReturnableSale } from "../../core/chain-sale.ts";
import { DomainError, RestatedError } from "../../core/errors.ts";
import { isUuid } from "../../core/ids.ts";
import { parseQuantityMilli } from "../../core/quantity.ts";
import { refundableByTender, splitRefund, type TenderAmount } from "../../core/refund-split.ts";
import { DEFAULT_TENDER_TYPES, type TenderType } from "../../core/tenders.ts";
import type { Principal } from "../auth/tokens.ts";
import { postEarningReversals, queueEarningReversal } from "../card-tenders/earning-reversals.ts";
import {
  checkStoreCredit,
  postCardRefunds,
  queueCardRefunds,
  refundableHere,
  STORE_CREDIT,
} from "../card-tenders/refunds.ts";
import { nextCounter } from "../catalog/service.ts";
import type { StoreContext, StoreDb, StoreTx } from "../context.ts";
import { giftCardLineNos } from "../gift-cards/loads.ts";
import { withGiftCardLoadsTakenBack } from "../gift-cards/take-back.ts";
import { SalesService } from "../sales/service.ts";
import { saleIdOfSerial } from "../serials/service.ts";
import { withCustomTenderTypes } from "../tenders/service.ts";
import { requireTillAccess } from "../users/index.ts";
import { type Approval, checkApproval } from "./approval.ts";
import { ReturnError } from "./errors.ts";
import { type OriginalSale, resolveOriginalSale, returnedSoFar } from "./original-sale.ts";
import {
  pickLines,
  type RefundTotals,
  type ReturnAsk,
  refundOfPick,
  refundTotals,
  type SoldLine,
} from "./refund-pricing.ts";
import { checkRefundTenders } from "./refund-tenders.ts";
import { writeReturn } from "./write-return.ts";

/** Who may take goods back: a cashier logged in at a till, or the admin token. */
export function requireReturnsPrincipal(principal: Principal, action: string): void {
  if (principal.kind === "till") {
    throw new ReturnError("FORBIDDEN", `${action} needs a cashier session or the admin token`);
  }
}

interface Plan {
  sale: OriginalSale | null;
  lines: ReturnedLine[];
  totals: RefundTotals;
  tenders: TenderAmount[];
  cashRoundingMinor: number;
  /** The request's tenders pay back otherwise than the sale was paid (e.g. cash for a card). */
  otherThanPaid: boolean;
}

/** A return checked and approved before its transaction: `write` records it inside one. */
export interface PreparedReturn {
  request: ReturnRequest;
  original: OriginalSale | null;
  approval: Approval;
  tillId: string;
  cashierId: string | null;
}

/**
 * The refund tenders a caller chooses once the refund is priced (an exchange: part of it goes to
 * the new sale), and the tender types they may use.
 */
export interface TenderChoice {
  choose: (refundMinor: number, refundable: readonly TenderAmount[]) => TenderAmount[];
  tenderTypes: readonly TenderType[];
}

/**
 * Who takes the goods back: the session's cashier. Only an admin token (API clients, imports)
 * names one in the body; a session naming someone else is refused.
 */
function returnCashier(request: ReturnRequest, principal: Principal): string | null {
  if (principal.kind === "admin") return request.cashierId ?? principal.userId;
  if (request.cashierId !== undefined && request.cashierId !== principal.userId) {
    throw new ReturnError(
      "IDENTITY_MISMATCH",
      `the return names cashier ${request.cashierId}, but this session is ${principal.userId ?? "a till's"}; the cashier is the one logged in`,
      { cashierId: request.cashierId },
    );
  }
  return principal.userId;
}

/**
 * Whether refund tenders pay back otherwise than the sale was paid: more to a non-cash tender
 * than it can still refund (a card the customer did not pay with), or more in cash than the
 * refund the way it was paid would give.
 */
function paysOtherThanPaid(
  chosen: readonly TenderAmount[],
  asPaid: readonly TenderAmount[],
  refundable: readonly TenderAmount[],
): boolean {
  const sum = (list: readonly TenderAmount[], keep: (type: string) => boolean) =>
    list.filter((t) => keep(t.type)).reduce((n, t) => n + t.amountMinor, 0);
  const isCash = (type: string) => DEFAULT_TENDER_TYPES.find((k) => k.type === type)?.isCash ?? false;
  for (const type of new Set(chosen.map((t) => t.type))) {
    // Store credit keeps the money in the shop: the customer may always take it instead.
    if (isCash(type) || type === STORE_CREDIT) continue;
    const left = sum(refundable, (k) => k === type);
    if (sum(chosen, (k) => k === type) > left) return true;
  }
  return sum(chosen, isCash) > sum(asPaid, isCash);
}

export class ReturnsService {
  readonly sales: SalesService;
  constructor(private readonly ctx: StoreContext) {
    this.sales = new SalesService(ctx);
  }

  get(id: string): ReturnResponse | null {
    const row = this.ctx.db
      .select({ response: returns.response })
      .from(returns)
      .where(eq(returns.id, id))
      .get();
    return row ? (JSON.parse(row.response) as ReturnResponse) : null;
  }

  /** Every return recorded against a sale, oldest first. */
  forSale(saleId: string): ReturnResponse[] {
    return this.ctx.db
      .select({ response: returns.response })
      .from(returns)
      .where(eq(returns.originalSaleId, saleId))
      .orderBy(asc(returns.at), asc(returns.id))
      .all()
      .map((r) => JSON.parse(r.response) as ReturnResponse);
  }

  private parseQty(position: number, code: string, qty: string | number): number {
    try {
      return parseQuantityMilli(qty);
    } catch (err) {
      if (err instanceof DomainError) {
        throw new RestatedError(err, `line ${position} (${code}): ${err.message}`, {
          line: position,
        });
      }
      throw err;
    }
  }

  /** The product code a return line's code stands for on the sale (a barcode resolves through the catalog). */
  private soldCode(sold: readonly SoldLine[], code: string): string {
    if (sold.some((l) => l.code === code)) return code;
    try {
      return this.sales.catalog.lookup(code).product.code;
    } catch (err) {
      if (err instanceof DomainError) return code;
      throw err;
    }
  }

  private planWithReceipt(
    db: StoreDb | StoreTx,
    sale: OriginalSale,
    request: ReturnRequest,
  ): Omit<Plan, "cashRoundingMinor" | "tenders" | "otherThanPaid"> & { refundable: TenderAmount[] } {
    if (!sale.foreign) {
      // Voided since it was looked up: read again inside the return's transaction.
      const now = db.select({ status: sales.status }).from(sales).where(eq(sales.id, sale.id)).get();
      if (now?.status === "voided") {
        throw new ReturnError(
          "SALE_VOIDED",
          `sale ${sale.receiptNo} was voided: nothing can be returned from it`,
          { saleId: sale.id },
        );
      }
    }
    const returned = returnedSoFar(db, sale);
    const sold: SoldLine[] = sale.lines.map((l) => ({
      ...l,
      returnedMilli: returned.byLine.get(l.lineNo) ?? 0,
    }));
    const asks: ReturnAsk[] = request.lines.map((line, i) => {
      const position = i + 1;
      if (line.unitPriceMinor !== undefined) {
        throw new ReturnError(
          "PRICE_FROM_RECEIPT",
          `line ${position} (${line.code}): a return with a receipt refunds the price paid; leave out unitPriceMinor`,
          { line: position },
        );
      }
      const code = this.soldCode(sold, line.code);
      const qtyMilli = this.parseQty(position, line.code, line.qty);
      const product = this.sales.catalog.get(code);
      const weighed = product?.soldByWeight ?? sold.some((l) => l.code === code && l.qtyMilli % 1000 !== 0);
      if (!weighed && qtyMilli % 1000 !== 0) {
        throw new ReturnError(
          "FRACTIONAL_QUANTITY",
          `line ${position} (${line.code}): this product is sold by the unit; give a whole quantity`,
          { line: position },
        );
      }
      const ask: ReturnAsk = { position, code, qtyMilli };
      if (line.lineNo !== undefined) ask.lineNo = line.lineNo;
      return ask;
    });
    const mode = this.ctx.settings.roundingMode;
    const lines = pickLines(sold, asks).map((pick, i) => refundOfPick(pick, i + 1, mode));
    const rates = new Map(sale.rates);
    for (const t of this.ctx.settings.taxClasses) if (!rates.has(t.id)) rates.set(t.id, t.rate);
    const order = this.ctx.settings.taxClasses.map((t) => t.id);
    return {
      sale,
      lines,
      totals: refundTotals(lines, this.ctx.settings.pricesIncludeTax, rates, order),
      refundable: refundableHere(
        sale.foreign,
        refundableByTender(sale.tenders, sale.changeMinor, returned.refunded),
      ),
    };
  }

  private planWithoutReceipt(
    request: ReturnRequest,
  ): Omit<Plan, "cashRoundingMinor" | "tenders" | "otherThanPaid"> {
    request.lines.forEach((line, i) => {
      if (line.lineNo !== undefined) {
        throw new ReturnError(
          "LINE_NO_WITHOUT_RECEIPT",
          `line ${i + 1} (${line.code}): lineNo refers to the original sale; give originalSaleId or receiptNo`,
          { line: i + 1 },
        );
      }
    });
    const quote = this.sales.quote({
      lines: request.lines.map((l) =>
        l.unitPriceMinor === undefined
          ? { code: l.code, qty: l.qty }
          : { code: l.code, qty: l.qty, unitPriceMinor: l.unitPriceMinor },
      ),
    });
    const lines: ReturnedLine[] = quote.lines.map((l, i) => ({
      lineNo: i + 1,
      originalLineNo: null,
      code: l.code,
      name: l.name,
      department: l.department,
      taxClass: l.taxClass,
      qty: l.qty,
      qtyMilli: l.qtyMilli,
      unitPriceMinor: l.unitPriceMinor,
      extendedMinor: l.extendedMinor,
      discountMinor: l.discountMinor,
      taxMinor: l.taxMinor,
      totalMinor: l.totalMinor,
    }));
    const rates = new Map(this.ctx.settings.taxClasses.map((t) => [t.id, t.rate]));
    const order = this.ctx.settings.taxClasses.map((t) => t.id);
    return {
      sale: null,
      lines,
      totals: refundTotals(lines, this.ctx.settings.pricesIncludeTax, rates, order),
    };
  }

  /**
   * Prices the return and settles its tenders: the request's, else the caller's `choice` (an
   * exchange), else the original sale's way of paying (cash without a receipt).
   */
  private plan(
    db: StoreDb | StoreTx,
    request: ReturnRequest,
    original: OriginalSale | null,
    choice?: TenderChoice,
  ): Plan {
    const priced = original
      ? this.planWithReceipt(db, original, request)
      : { ...this.planWithoutReceipt(request), refundable: [] };
    const refundMinor = priced.totals.totalMinor;
    const chosen =
      request.tenders ??
      (choice
        ? choice.choose(refundMinor, priced.refundable)
        : splitRefund(refundMinor, priced.refundable, this.ctx.settings.cashRoundingMinor));
    const { cashRoundingMinor } = checkRefundTenders(
      refundMinor,
      chosen,
      this.ctx.pricing,
      // A sale paid with one of the shop's own tenders pays back to it, even once it has ended.
      withCustomTenderTypes(db, choice?.tenderTypes ?? DEFAULT_TENDER_TYPES),
    );
    if (request.tenders) checkStoreCredit(this.ctx, request.tenders);
    const { refundable, ...rest } = priced;
    return {
      ...rest,
      tenders: chosen.map((t) => ({
        type: t.type,
        amountMinor: t.amountMinor,
        ...("card" in t && t.card !== undefined ? { card: t.card } : {}),
      })),
      cashRoundingMinor,
      otherThanPaid:
        original !== null &&
        request.tenders !== undefined &&
        paysOtherThanPaid(
          request.tenders,
          splitRefund(refundMinor, refundable, this.ctx.settings.cashRoundingMinor),
          refundable,
        ),
    };
  }

  /**
   * Everything a return needs before its transaction: the original sale (asking head office for
   * another store's), a dry run of the pricing (so a bad request uses up no approval), and the
   * approval. Answers null for a repeat of a recorded return.
   */
  async prepare(
    request: ReturnRequest,
    principal: Principal,
    choice?: TenderChoice,
  ): Promise<PreparedReturn> {
    requireReturnsPrincipal(principal, "taking goods back");
    const tillId = request.tillId ?? principal.tillId ?? "backoffice";
    requireTillAccess(principal, tillId, "taking goods back");
    const original = await resolveOriginalSale(this.ctx, request);
    const dryRun = this.plan(this.ctx.db, request, original, choice);
    const withReceipt = original !== null;
    const approval = checkApproval(
      this.ctx,
      principal,
      withReceipt ? "refund" : "returnWithoutReceipt",
      // The store's refund setting covers every refund, with or without a receipt; paying back
      // otherwise than the customer paid (cash for a card) is always a supervisor's choice.
      this.ctx.settings.approvals.refund || dryRun.otherThanPaid,
      request,
      { tillId: principal.tillId ?? request.tillId ?? null, refId: request.id },
    );
    return { request, original, approval, tillId, cashierId: returnCashier(request, principal) };
  }

  /** Records a prepared return in the caller's transaction. */
  writeInTx(tx: StoreTx, prepared: PreparedReturn, choice?: TenderChoice): ReturnResponse {
    const { request, original, approval, tillId, cashierId } = prepared;
    const plan = this.plan(tx, request, original, choice);
    const approvedBy = approval.consume ? approval.consume(tx) : approval.approvedBy;
    const { sale, lines, totals } = plan;
    const at = this.ctx.now();
    const day = businessDay(at, this.ctx.settings.timeZone);
    const receiptNo = `${this.ctx.storeId}-${tillId}-R${String(nextCounter(tx, `return:${tillId}`)).padStart(6, "0")}`;
    const shiftId =
      tx
        .select({ id: shifts.id })
        .from(shifts)
        .where(and(eq(shifts.tillId, tillId), isNull(shifts.closedAt)))
        .get()?.id ?? null;
    const ret: ReturnResponse = {
      id: request.id,
      receiptNo,
      originalSaleId: sale?.id ?? null,
      originalReceiptNo: sale?.receiptNo ?? null,
      originalStoreId: sale?.storeId ?? null,
      tillId,
      cashierId,
      approvedBy,
      at: at.toISOString(),
      lines,
      subtotalMinor: totals.subtotalMinor,
      discountMinor: totals.discountMinor,
      taxMinor: totals.taxMinor,
      totalMinor: totals.totalMinor,
      cashRoundingMinor: plan.cashRoundingMinor,
      taxes: totals.taxes,
      tenders: plan.tenders,
      currency: this.ctx.settings.currency,
    };
    writeReturn(
      this.ctx,
      tx,
      ret,
      {
        shiftId,
        day,
        reason: request.reason ?? null,
        customerId: request.customerId ?? null,
        foreignStoreId: sale?.foreign ? sale.storeId : null,
      },
      at,
    );
    queueCardRefunds(tx, ret);
    queueEarningReversal(tx, ret);
    return ret;
  }

  /**
   * The sale a receipt number or sale id names, as a till needs it for a return: this store's,
   * else another store's through head office, with what was returned of each line anywhere and
   * what each of its tenders can still refund.
   */
  /** A receipt number of this store's, else the serial of a unit sold here, else a receipt number elsewhere. */
  private receiptOrSerial(ref: string): { originalSaleId: string } | { receiptNo: string } {
    const byReceipt = this.ctx.db.select({ id: sales.id }).from(sales).where(eq(sales.receiptNo, ref)).get();
    const bySerial = byReceipt ? null : saleIdOfSerial(this.ctx.db, ref);
    return bySerial === null ? { receiptNo: ref } : { originalSaleId: bySerial };
  }

  async original(ref: string): Promise<ReturnableSale> {
    const ask = isUuid(ref) ? { originalSaleId: ref.toLowerCase() } : this.receiptOrSerial(ref);
    const sale = await resolveOriginalSale(this.ctx, ask);
    if (!sale) throw new ReturnError("INVALID_REQUEST", "give a receipt number or a sale id");
    const returned = returnedSoFar(this.ctx.db, sale);
    return {
      id: sale.id,
      storeId: sale.storeId,
      receiptNo: sale.receiptNo,
      at: sale.at,
      totalMinor: sale.totalMinor,
      foreign: sale.foreign,
      lines: sale.lines.map((l) => ({
        lineNo: l.lineNo,
        code: l.code,
        name: l.name,
        qtyMilli: l.qtyMilli,
        unitPriceMinor: l.unitPriceMinor,
        taxMinor: l.taxMinor,
        totalMinor: l.totalMinor,
        returnedMilli: returned.byLine.get(l.lineNo) ?? 0,
      })),
      refundable: refundableHere(
        sale.foreign,
        refundableByTender(sale.tenders, sale.changeMinor, returned.refunded),
      ),
    };
  }

  /** Records a return once; a repeat of the same id answers the first result. */
  async record(
    request: ReturnRequest,
    principal: Principal,
  ): Promise<{ ret: ReturnResponse; created: boolean }> {
    requireReturnsPrincipal(principal, "taking goods back");
    const existing = this.get(request.id);
    if (existing) return { ret: existing, created: false };
    const prepared = await this.prepare(request, principal);
    const write = () =>
      this.ctx.db.transaction((tx) => {
        const again = tx.select({ id: returns.id }).from(returns).where(eq(returns.id, request.id)).get();
        if (again) return { ret: this.get(request.id) as ReturnResponse, created: false };
        return { ret: this.writeInTx(tx, prepared), created: true };
      });
    const original = prepared.original;
    // Gift cards sold on the sale and returned: their loads are taken back at head office first.
    const giftLines =
      original === null || original.foreign
        ? new Set<number>()
        : giftCardLineNos(
            this.ctx,
            original.id,
            this.planWithReceipt(this.ctx.db, original, request).lines.flatMap((l) =>
              l.originalLineNo === null ? [] : [l.originalLineNo],
            ),
          );
    const done =
      original === null || giftLines.size === 0
        ? write()
        : await withGiftCardLoadsTakenBack(this.ctx, original.id, write, {
            doc: `return:${request.id}`,
            lineNos: giftLines,
          });
    // Card tenders go back to their cards at head office now, or from the reconciler.
    if (done.created) {
      await postCardRefunds(this.ctx, [done.ret.id]);
      await postEarningReversals(this.ctx, [done.ret.id]);
    }
    return done;
  }
}
