/**
 * Returns. With a receipt (originalSaleId or receiptNo) the refund is priced from the original
 * sale, never for more than was sold less what came back before; without one it needs a
 * supervisor's approval and is priced from the current catalog. A return is recorded at once:
 * the return, its lines, refund tenders, tax breakdown, stock back in, the quantities returned
 * on the sale, an audit row and its journal event, idempotently by the id the till made.
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { returns, saleLines, sales, saleTaxes, shifts } from "../../../schema/store.ts";
import { DomainError } from "../../core/errors.ts";
import { formatReceiptNo, parseReceiptNo } from "../../core/ids.ts";
import { parseQuantityMilli } from "../../core/quantity.ts";
import type { Principal } from "../auth/tokens.ts";
import { nextCounter } from "../catalog/service.ts";
import { businessDay, type StoreContext, type StoreDb, type StoreTx } from "../context.ts";
import { HttpError } from "../http/errors.ts";
import { SalesService } from "../sales/service.ts";
import { requireTillAccess } from "../users/index.ts";
import { checkApproval } from "./approval.ts";
import type { ReturnedLine, ReturnRequest, ReturnResponse } from "./model.ts";
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
    throw new HttpError("forbidden", "FORBIDDEN", `${action} needs a cashier session or the admin token`);
  }
}

/** A receipt number as typed or scanned, and in its padded form (`S1-T1-42` → `S1-T1-000042`). */
function receiptNoForms(text: string): string[] {
  const parsed = parseReceiptNo(text);
  return parsed ? [text, formatReceiptNo(parsed.storeId, parsed.tillId, parsed.seq)] : [text];
}

interface OriginalSale {
  id: string;
  receiptNo: string;
  status: "completed" | "voided";
}

interface Plan {
  sale: OriginalSale | null;
  lines: ReturnedLine[];
  totals: RefundTotals;
  cashRoundingMinor: number;
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

  private findSale(db: StoreDb | StoreTx, request: ReturnRequest): OriginalSale | null {
    if (request.originalSaleId === undefined && request.receiptNo === undefined) return null;
    const cols = { id: sales.id, receiptNo: sales.receiptNo, status: sales.status };
    const sale =
      request.originalSaleId !== undefined
        ? db.select(cols).from(sales).where(eq(sales.id, request.originalSaleId)).get()
        : db
            .select(cols)
            .from(sales)
            .where(inArray(sales.receiptNo, receiptNoForms(request.receiptNo ?? "")))
            .get();
    const asked = request.originalSaleId ?? request.receiptNo;
    if (!sale) {
      throw new HttpError(
        "not_found",
        "SALE_NOT_FOUND",
        `no sale of this store has the ${request.originalSaleId ? "id" : "receipt number"} ${asked}`,
        { originalSaleId: request.originalSaleId ?? null, receiptNo: request.receiptNo ?? null },
      );
    }
    if (
      request.originalSaleId !== undefined &&
      request.receiptNo !== undefined &&
      sale.receiptNo !== request.receiptNo
    ) {
      throw new HttpError(
        "invalid",
        "RECEIPT_MISMATCH",
        `sale ${sale.id} has receipt number ${sale.receiptNo}, not ${request.receiptNo}`,
      );
    }
    if (sale.status === "voided") {
      throw new HttpError(
        "conflict",
        "SALE_VOIDED",
        `sale ${sale.receiptNo} was voided: nothing can be returned from it`,
        {
          saleId: sale.id,
        },
      );
    }
    return sale;
  }

  private parseQty(position: number, code: string, qty: string | number): number {
    try {
      return parseQuantityMilli(qty);
    } catch (err) {
      if (err instanceof DomainError) {
        throw new HttpError("invalid", err.code, `line ${position} (${code}): ${err.message}`, {
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
  ): Omit<Plan, "cashRoundingMinor"> {
    const sold: SoldLine[] = db
      .select()
      .from(saleLines)
      .where(eq(saleLines.saleId, sale.id))
      .orderBy(asc(saleLines.lineNo))
      .all();
    const asks: ReturnAsk[] = request.lines.map((line, i) => {
      const position = i + 1;
      if (line.unitPriceMinor !== undefined) {
        throw new HttpError(
          "invalid",
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
        throw new HttpError(
          "invalid",
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
    const rates = new Map(
      db
        .select({ taxClass: saleTaxes.taxClass, rate: saleTaxes.rate })
        .from(saleTaxes)
        .where(and(eq(saleTaxes.docId, sale.id), eq(saleTaxes.docKind, "sale")))
        .all()
        .map((r) => [r.taxClass, r.rate]),
    );
    for (const t of this.ctx.settings.taxClasses) if (!rates.has(t.id)) rates.set(t.id, t.rate);
    const order = this.ctx.settings.taxClasses.map((t) => t.id);
    return { sale, lines, totals: refundTotals(lines, this.ctx.settings.pricesIncludeTax, rates, order) };
  }

  private planWithoutReceipt(request: ReturnRequest): Omit<Plan, "cashRoundingMinor"> {
    request.lines.forEach((line, i) => {
      if (line.lineNo !== undefined) {
        throw new HttpError(
          "invalid",
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

  private plan(db: StoreDb | StoreTx, request: ReturnRequest): Plan {
    const sale = this.findSale(db, request);
    const priced = sale ? this.planWithReceipt(db, sale, request) : this.planWithoutReceipt(request);
    const { cashRoundingMinor } = checkRefundTenders(
      priced.totals.totalMinor,
      request.tenders,
      this.ctx.pricing,
    );
    return { ...priced, cashRoundingMinor };
  }

  /** Records a return once; a repeat of the same id answers the first result. */
  record(request: ReturnRequest, principal: Principal): { ret: ReturnResponse; created: boolean } {
    requireReturnsPrincipal(principal, "taking goods back");
    const existing = this.get(request.id);
    if (existing) return { ret: existing, created: false };

    const tillId = request.tillId ?? principal.tillId ?? "backoffice";
    requireTillAccess(principal, tillId, "taking goods back");
    // Check everything before asking for approval, so a bad request uses up nothing.
    const draft = this.plan(this.ctx.db, request);
    const withReceipt = draft.sale !== null;
    const approval = checkApproval(
      this.ctx,
      principal,
      withReceipt ? "refund" : "returnWithoutReceipt",
      !withReceipt && this.ctx.settings.approvals.refund,
      request,
      { tillId: principal.tillId ?? request.tillId ?? null, refId: request.id },
    );

    const at = this.ctx.now();
    const atIso = at.toISOString();
    const day = businessDay(at, this.ctx.settings.timeZone);
    const cashierId = request.cashierId ?? principal.userId;

    return this.ctx.db.transaction((tx) => {
      const again = tx.select({ id: returns.id }).from(returns).where(eq(returns.id, request.id)).get();
      if (again) return { ret: this.get(request.id) as ReturnResponse, created: false };
      const plan = this.plan(tx, request);
      const approvedBy = approval.consume ? approval.consume(tx) : approval.approvedBy;
      const { sale, lines, totals } = plan;
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
        tillId,
        cashierId,
        approvedBy,
        at: atIso,
        lines,
        subtotalMinor: totals.subtotalMinor,
        discountMinor: totals.discountMinor,
        taxMinor: totals.taxMinor,
        totalMinor: totals.totalMinor,
        cashRoundingMinor: plan.cashRoundingMinor,
        taxes: totals.taxes,
        tenders: request.tenders.map((t) => ({ type: t.type, amountMinor: t.amountMinor })),
        currency: this.ctx.settings.currency,
      };
      writeReturn(
        this.ctx,
        tx,
        ret,
        { shiftId, day, reason: request.reason ?? null, customerId: request.customerId ?? null },
        at,
      );
      return { ret, created: true };
    });
  }
}
