/**
 * Quoting and recording sales. A sale is recorded atomically: the sale, its lines, tenders,
 * tax breakdown, stock movements, audit entries and its journal event in one transaction, and
 * idempotently by the sale id the till made (a retry answers the stored result).
 */
import { and, eq, gte, lt } from "drizzle-orm";
import { audit, counters, sales } from "../../../schema/store.ts";
import type {
  QuotedLine,
  QuoteRequest,
  QuoteResponse,
  RecordSaleRequest,
  RungSaleRequest,
  SaleRequest,
  SaleResponse,
} from "../../api/store/sales.ts";
import { checkRungDocument, type RungLine } from "../../core/as-rung.ts";
import { businessDay } from "../../core/business-day.ts";
import { DomainError, RestatedError } from "../../core/errors.ts";
import { requireGiftCardLines } from "../../core/gift-card-lines.ts";
import { formatReceiptNo, parseReceiptNo } from "../../core/ids.ts";
import { departmentIdOf } from "../../core/open-department.ts";
import type { BasketLineInput, Quote } from "../../core/pricing.ts";
import { type PromotedQuote, priceWithPromotions } from "../../core/promotions/index.ts";
import { milliToDecimalString, parseQuantityMilli } from "../../core/quantity.ts";
import { sha256Hex } from "../../core/sha256.ts";
import { DEFAULT_TENDER_TYPES, settle, type TenderType } from "../../core/tenders.ts";
import type { Principal } from "../auth/tokens.ts";
import { CatalogService, nextCounter } from "../catalog/service.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { promotionBookFor, saleCustomerOf } from "../customers/sale-customer.ts";
import { statementsOf } from "../db/statements.ts";
import { isStorageFailure } from "../db/storage.ts";
import { queueGiftCardLoads, requireGiftCards } from "../gift-cards/loads.ts";
import { appendEvent } from "../journal/journal.ts";
import { categoryChainOf } from "../promotions/book.ts";
import { requireCodesInForce, type SaleCodes } from "../promotions/code-claims.ts";
import { markSerialInTx } from "../serials/service.ts";
import { recordServiceLines } from "../services/sale-lines.ts";
import { costingOf, moveStock } from "../stock/ledger.ts";
import { resolvedTenders } from "../tenders/sale-tenders.ts";
import { requireEligibleTenders, rungQtyMilli } from "./deposit-lines.ts";
import { SaleError } from "./errors.ts";
import { findExceptions, type PriceException, recordExceptions } from "./exceptions.ts";
import { proveApprovals, saleIdentity } from "./identity.ts";
import { requireSaleRights } from "./sale-rights.ts";
import { requireSaleTime } from "./sale-time.ts";
import { refuseSoldSerials, serialExceptions } from "./serials.ts";

interface Resolved {
  input: BasketLineInput;
  department: string | null;
  category: string | null;
  catalogPriceMinor: number;
  snapEligible: boolean;
  overridden: boolean;
}

export type RecordResult = { sale: SaleResponse; created: boolean };

interface Priced {
  quote: Quote;
  response: QuoteResponse;
  exceptions: PriceException[];
  /** A store-priced sale's lines whose given price overrides the store's (their indexes). */
  overrides?: number[];
}

interface PendingSale {
  request: RecordSaleRequest;
  principal: Principal;
  resolve: (result: RecordResult) => void;
  reject: (error: unknown) => void;
}

/** Which parts of a repeated sale differ from the one recorded under its id. */
function differencesFrom(stored: SaleResponse, request: RecordSaleRequest): string[] {
  const differs: string[] = [];
  const tenders = (list: readonly { type: string; amountMinor: number }[]) =>
    list.map((t) => `${t.type}:${t.amountMinor}`).join(",");
  if (tenders(stored.tenders) !== tenders(request.tenders)) differs.push("tenders");
  const codes = (list: readonly { code: string }[]) => list.map((l) => l.code).join(",");
  if (codes(stored.lines) !== codes(request.lines)) differs.push("lines");
  if (request.asRung === true && request.totalMinor !== stored.totalMinor) differs.push("totalMinor");
  if (request.at !== undefined && new Date(request.at).toISOString() !== stored.at) differs.push("at");
  return differs;
}

export class SalesService {
  readonly catalog: CatalogService;
  private pending: PendingSale[] = [];
  constructor(private readonly ctx: StoreContext) {
    this.catalog = new CatalogService(ctx);
  }

  /** Resolves each line's code against the catalog and checks quantity and price rules. */
  private resolve(request: QuoteRequest): Resolved[] {
    const { maxPriceMinor } = this.ctx.settings;
    return request.lines.map((line, i) => {
      const where = `line ${i + 1} (${line.code})`;
      let found: ReturnType<CatalogService["lookup"]>;
      try {
        found = this.catalog.lookup(line.code);
      } catch (err) {
        if (err instanceof DomainError) {
          throw new RestatedError(err, `${where}: ${err.message}`, {
            line: i + 1,
            code: line.code,
          });
        }
        throw err;
      }
      const { product } = found;
      if (!product.active) {
        throw new SaleError("PRODUCT_INACTIVE", `${where}: ${product.name} is not for sale`, {
          line: i + 1,
        });
      }
      // A label's quantity: a weight, or whole pieces, which never stand for a weighed item's weight.
      const labelQtyMilli = product.soldByWeight && found.qtyKind === "count" ? undefined : found.qtyMilli;
      let qtyMilli: number;
      try {
        qtyMilli = line.qty !== undefined ? parseQuantityMilli(line.qty) : (labelQtyMilli ?? 1000);
      } catch (err) {
        if (err instanceof DomainError) throw new RestatedError(err, `${where}: ${err.message}`);
        throw err;
      }
      if (product.soldByWeight && line.qty === undefined && labelQtyMilli === undefined) {
        throw new SaleError(
          "WEIGHT_REQUIRED",
          `${where}: ${product.name} is sold by weight; give its weight in kg`,
        );
      }
      if (!product.soldByWeight && qtyMilli % 1000 !== 0) {
        throw new SaleError(
          "FRACTIONAL_QUANTITY",
          `${where}: ${product.name} is sold by the unit; give a whole quantity`,
        );
      }
      // A price-embedded barcode carries the line's price for the packed quantity.
      const embeddedMinor =
        found.priceMinor === undefined || qtyMilli === 1000
          ? found.priceMinor
          : Math.round((found.priceMinor * 1000) / qtyMilli);
      const listedMinor = embeddedMinor ?? product.priceMinor;
      const unitPriceMinor = line.unitPriceMinor ?? listedMinor;
      if (product.openPrice && line.unitPriceMinor === undefined && found.priceMinor === undefined) {
        throw new SaleError("PRICE_REQUIRED", `${where}: ${product.name} has an open price; enter the price`);
      }
      if (unitPriceMinor > maxPriceMinor) {
        throw new SaleError(
          "PRICE_TOO_HIGH",
          `${where}: price ${unitPriceMinor} is over the store's limit of ${maxPriceMinor} minor units`,
        );
      }
      const input: BasketLineInput = {
        code: product.code,
        name: product.name,
        qtyMilli,
        unitPriceMinor,
        taxClass: product.taxClass,
      };
      if (line.discount) input.discount = line.discount;
      return {
        input,
        department: product.department,
        category: product.category ?? null,
        catalogPriceMinor: product.priceMinor,
        snapEligible: product.snapEligible,
        // A price given for what has a price of its own: an override, which takes its right.
        overridden: !product.openPrice && unitPriceMinor !== listedMinor,
      };
    });
  }

  /** Prices with the promotions in force at `at` and the codes the request presents. */
  private priceResolved(resolved: Resolved[], request: QuoteRequest, at = this.ctx.now()): PromotedQuote {
    const lines = resolved.map((r) => ({
      ...r.input,
      department: r.department,
      categories: categoryChainOf(this.ctx, r.category),
    }));
    const customer = request.card === undefined ? null : saleCustomerOf(this.ctx, request.card);
    return priceWithPromotions(
      request.discount ? { lines, discount: request.discount } : { lines },
      this.ctx.pricing,
      {
        book: promotionBookFor(this.ctx, customer),
        at,
        timeZone: this.ctx.settings.timeZone,
        codes: request.couponCodes,
        customerGroups: customer?.groups,
      },
    );
  }

  private toResponse(
    quote: Quote & { promotions?: PromotedQuote["promotions"] | undefined },
    departments: readonly (string | null)[],
    rates: ReadonlyMap<string, string> = new Map(this.ctx.settings.taxClasses.map((t) => [t.id, t.rate])),
  ): QuoteResponse {
    const lines: QuotedLine[] = quote.lines.map((l, i) => ({
      code: l.code,
      name: l.name,
      department: departments[i] ?? null,
      taxClass: l.taxClass,
      taxRate: l.taxClass === null ? null : (rates.get(l.taxClass) ?? null),
      qty: Number(milliToDecimalString(l.qtyMilli)),
      qtyMilli: l.qtyMilli,
      unitPriceMinor: l.unitPriceMinor,
      extendedMinor: l.extendedMinor,
      discountMinor: l.discountMinor,
      taxMinor: l.taxMinor,
      totalMinor: l.totalMinor,
      ...(l.kind === undefined ? {} : { kind: l.kind }),
      ...(l.linkedLine === undefined ? {} : { linkedLine: l.linkedLine }),
    }));
    return {
      lines,
      subtotalMinor: quote.subtotalMinor,
      discountMinor: quote.discountMinor,
      taxMinor: quote.taxMinor,
      totalMinor: quote.totalMinor,
      cashDueMinor: quote.cashDueMinor,
      cashRoundingMinor: quote.cashRoundingMinor,
      taxes: quote.taxes,
      currency: this.ctx.settings.currency,
      promotions: quote.promotions ?? [],
    };
  }

  quote(request: QuoteRequest): QuoteResponse {
    const resolved = this.resolve(request);
    const at = this.ctx.now();
    const quote = this.priceResolved(resolved, request, at);
    requireCodesInForce(this.ctx, request.couponCodes, quote.codesUsed, at);
    return this.toResponse(
      quote,
      resolved.map((r) => r.department),
    );
  }

  /** The promo codes a sale presents and what their promotions took off; null when it presents none. */
  saleCodes(request: RecordSaleRequest): SaleCodes | null {
    const presented = (request.couponCodes ?? []).map((code) => code.trim().toUpperCase());
    if (presented.length === 0) return null;
    const at = request.at === undefined ? this.ctx.now() : new Date(request.at);
    const sale = { saleId: request.id, at: at.toISOString(), customerId: request.customerId ?? null };
    if (request.asRung === true) return { ...sale, codes: presented, promotions: request.promotions ?? [] };
    const quote = this.priceResolved(this.resolve(request), request, at);
    requireCodesInForce(this.ctx, presented, quote.codesUsed, at);
    return { ...sale, codes: quote.codesUsed, promotions: quote.promotions };
  }

  get(id: string): SaleResponse | null {
    const row = statementsOf(this.ctx.sqlite).saleById.get(id);
    if (!row) return null;
    return { ...(JSON.parse(row.response) as SaleResponse), status: row.status };
  }

  /** A sale by its receipt number, typed with or without the zero padding (`S1-T1-42`). */
  byReceiptNo(text: string): SaleResponse | null {
    const parsed = parseReceiptNo(text.trim());
    const receiptNo = parsed ? formatReceiptNo(parsed.storeId, parsed.tillId, parsed.seq) : text.trim();
    const row = this.ctx.db.select({ id: sales.id }).from(sales).where(eq(sales.receiptNo, receiptNo)).get();
    return row ? this.get(row.id) : null;
  }

  /** The highest receipt number the store holds for a till (a till starting afresh continues after it). */
  lastReceipt(tillId: string): { receiptNo: string | null; seq: number } {
    const row = this.ctx.db
      .select({ value: counters.value })
      .from(counters)
      .where(eq(counters.name, `receipt:${tillId}`))
      .get();
    const seq = row?.value ?? 0;
    return { receiptNo: seq > 0 ? formatReceiptNo(this.ctx.storeId, tillId, seq) : null, seq };
  }

  list(from: string, to: string, limit: number): SaleResponse[] {
    return this.ctx.db
      .select({ response: sales.response, status: sales.status })
      .from(sales)
      .where(and(gte(sales.at, from), lt(sales.at, to)))
      .orderBy(sales.at)
      .limit(limit)
      .all()
      .map((r) => ({ ...(JSON.parse(r.response) as SaleResponse), status: r.status }));
  }

  private receiptNoFor(tx: StoreTx, request: { receiptNo?: string | undefined; tillId: string }): string {
    if (request.receiptNo) {
      const parsed = parseReceiptNo(request.receiptNo);
      if (!parsed || parsed.storeId !== this.ctx.storeId || parsed.tillId !== request.tillId) {
        throw new SaleError(
          "INVALID_RECEIPT_NO",
          `receiptNo "${request.receiptNo}" must be ${this.ctx.storeId}-${request.tillId}-<number> for this store and till`,
        );
      }
      const taken = statementsOf(tx).saleIdByReceiptNo.get(request.receiptNo);
      if (taken) {
        throw new SaleError(
          "RECEIPT_NO_TAKEN",
          `receipt number ${request.receiptNo} is already used by sale ${taken.id}`,
        );
      }
      // Keep the store's own numbering for this till ahead of what the till used offline.
      statementsOf(tx).raiseCounter.run(`receipt:${request.tillId}`, parsed.seq);
      return request.receiptNo;
    }
    return formatReceiptNo(this.ctx.storeId, request.tillId, nextCounter(tx, `receipt:${request.tillId}`));
  }

  /** Records a completed sale once; a repeat of the same id answers the first result. */
  /**
   * Records a completed sale once; a repeat of the same id answers the first result.
   * Sales that arrive while one is being written are committed together (group commit: one
   * fsync for all of them), each in its own savepoint so that a refused sale fails alone.
   * A sale is answered only after its transaction is durable.
   */
  record(request: RecordSaleRequest, principal: Principal): Promise<RecordResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ request, principal, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    const only = batch.length === 1 ? batch[0] : undefined;
    if (only) {
      // Alone in its commit: its own transaction, without a savepoint (a refusal rolls it back).
      try {
        only.resolve(this.ctx.db.transaction((tx) => this.recordInTx(tx, only.request, only.principal)));
      } catch (error) {
        only.reject(error);
      }
      return;
    }
    const results: ({ ok: true; value: RecordResult } | { ok: false; error: unknown })[] = [];
    try {
      this.ctx.db.transaction((tx) => {
        for (const item of batch) {
          try {
            results.push({
              ok: true,
              // A savepoint of the connection's own (its statements prepared once), not a
              // nested query-builder transaction built afresh for every sale.
              value: this.ctx.sqlite.transaction(() => this.recordInTx(tx, item.request, item.principal))(),
            });
          } catch (error) {
            // A full disk may have rolled back the whole transaction, not just this sale's
            // savepoint: end the commit, so every sale of it is refused and none lands alone.
            if (isStorageFailure(error) || !this.ctx.sqlite.inTransaction) throw error;
            results.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const result = results[i];
      if (result?.ok) item.resolve(result.value);
      else item.reject(result?.error);
    });
  }

  /** Prices a sale the store prices itself (API clients without a till document). */
  private pricedByStore(request: SaleRequest): Priced {
    const resolved = this.resolve(request);
    const quote = this.priceResolved(resolved, request, request.at ? new Date(request.at) : this.ctx.now());
    const response = this.toResponse(
      quote,
      resolved.map((r) => r.department),
    );
    response.lines.forEach((line, i) => {
      if (resolved[i]?.snapEligible) line.snapEligible = true;
    });
    // Serials: a unit sold and not returned cannot be sold again (a till's sale as rung is kept).
    refuseSoldSerials(this.ctx.db, request.lines);
    request.lines.forEach((line, i) => {
      const out = response.lines[i];
      if (line.serial !== undefined && out) out.serial = line.serial;
    });
    const overrides = resolved.flatMap((r, i) => (r.overridden ? [i] : []));
    return { quote, response, exceptions: [], overrides };
  }

  /** Checks a till's document adds up and keeps it as rung; differences from the catalog become exceptions. */
  private asRung(request: RungSaleRequest): Priced {
    const qtyMilli = request.lines.map((line, i) => rungQtyMilli(line, i));
    const lines: RungLine[] = request.lines.map((line, i) => ({
      ...(line.extendedMinor !== undefined ? { extendedMinor: line.extendedMinor } : {}),
      ...(line.qtyMilli !== undefined ? { statedQtyMilli: line.qtyMilli } : {}),
      code: line.code,
      name: line.name,
      qtyMilli: qtyMilli[i] ?? 0,
      unitPriceMinor: line.unitPriceMinor,
      discountMinor: line.discountMinor,
      taxClass: line.taxClass,
      taxRate: line.taxRate,
      taxMinor: line.taxMinor,
      totalMinor: line.totalMinor,
      kind: line.kind,
      linkedLine: line.linkedLine,
      card: line.card,
      staffId: line.staffId,
      packageId: line.packageId,
    }));
    requireGiftCardLines(lines, this.ctx.settings.giftCardMaxMinor);
    requireGiftCards(this.ctx, lines);
    const check = checkRungDocument({ ...request, lines }, this.ctx.pricing);
    if (!check.ok) {
      const first = check.mismatches[0];
      throw new SaleError(
        "SALE_INCONSISTENT",
        `the sale does not add up: ${first ? `${first.field} is ${first.rung}, its lines make ${first.computed}` : "its amounts differ"}${check.mismatches.length > 1 ? ` (and ${check.mismatches.length - 1} more)` : ""}`,
        { mismatches: check.mismatches.slice(0, 20) },
      );
    }
    const quote = check.quote;
    const byCode = statementsOf(this.ctx.db).productForSale;
    const catalogRows = request.lines.map((line) => byCode.get(line.code));
    const departments = request.lines.map(
      (line, i) => line.department ?? catalogRows[i]?.department ?? departmentIdOf(line.code),
    );
    const rates = new Map<string, string>();
    for (const line of request.lines)
      if (line.taxClass !== null && line.taxRate !== null) rates.set(line.taxClass, line.taxRate);
    const response = this.toResponse({ ...quote, promotions: request.promotions }, departments, rates);
    response.lines.forEach((line, i) => {
      const rung = request.lines[i];
      if (rung?.snapEligible === true) line.snapEligible = true;
      if (rung?.lot !== undefined) line.lot = rung.lot;
      if (rung?.expiry !== undefined) line.expiry = rung.expiry;
      if (rung?.serial !== undefined) line.serial = rung.serial;
      if (rung?.card !== undefined) line.card = rung.card;
      if (rung?.staffId !== undefined) line.staffId = rung.staffId;
      if (rung?.packageId !== undefined) line.packageId = rung.packageId;
    });
    return {
      quote,
      response,
      exceptions: [
        // A gift card line is no product of the catalog: its price is what it loads.
        ...findExceptions(this.ctx, catalogRows, request.lines, qtyMilli, request.at).filter(
          (e) => request.lines[e.lineNo - 1]?.kind !== "giftCard",
        ),
        ...serialExceptions(this.ctx.db, request.lines),
      ],
    };
  }

  /**
   * Records a sale in the caller's transaction (an exchange records its return with it), with
   * the tender types it may use; a repeat of the same id answers the first result.
   * `agreedPrices`: the lines' prices are ones the store agreed before (an order's), not the
   * cashier's overrides.
   */
  recordInTransaction(
    tx: StoreTx,
    request: RecordSaleRequest,
    principal: Principal,
    tenderTypes: readonly TenderType[],
    options: { agreedPrices?: boolean } = {},
  ): RecordResult {
    return this.recordInTx(tx, request, principal, tenderTypes, options.agreedPrices === true);
  }

  private recordInTx(
    tx: StoreTx,
    request: RecordSaleRequest,
    principal: Principal,
    tenderTypes: readonly TenderType[] = DEFAULT_TENDER_TYPES,
    agreedPrices = false,
  ): RecordResult {
    // The parsed request: its keys in the schema's order, so the same document hashes the same.
    const requestHash = sha256Hex(JSON.stringify(request));
    const existing = statementsOf(tx).saleById.get(request.id);
    if (existing) {
      if (existing.requestHash !== null && existing.requestHash !== requestHash) {
        const differs = differencesFrom(JSON.parse(existing.response) as SaleResponse, request);
        throw new SaleError(
          "SALE_ID_CONFLICT",
          `sale ${request.id} was already recorded with a different document (${differs.length > 0 ? differs.join(", ") : "other fields"} differ); a new sale needs a new id`,
          { differs },
        );
      }
      return {
        sale: { ...(JSON.parse(existing.response) as SaleResponse), status: existing.status },
        created: false,
      };
    }

    const identity = saleIdentity(this.ctx, request, principal);
    const { quote, response, exceptions, overrides } =
      request.asRung === true ? this.asRung(request) : this.pricedByStore(request);
    const { tenders, types } = resolvedTenders(tx, request, tenderTypes);
    const settlement = settle(quote, tenders, this.ctx.pricing, types);
    requireEligibleTenders(this.ctx, response.lines, quote.totalMinor, tenders);
    const at = request.at ? new Date(request.at) : this.ctx.now();
    requireSaleTime(this.ctx, at, identity.fromTill);
    const atIso = at.toISOString();
    const day = businessDay(at, this.ctx.settings.timeZone);

    const receiptNo = this.receiptNoFor(tx, { receiptNo: request.receiptNo, tillId: identity.tillId });
    const stmts = statementsOf(tx);
    const shiftId = stmts.openShiftOfTill.get(identity.tillId)?.id ?? null;
    const sale: SaleResponse = {
      id: request.id,
      receiptNo,
      tillId: identity.tillId,
      cashierId: identity.cashierId,
      at: atIso,
      status: "completed",
      ...response,
      totalMinor: quote.totalMinor,
      tenders: tenders.map((t) => ({
        type: t.type,
        amountMinor: t.amountMinor,
        ...(t.ref === undefined ? {} : { ref: t.ref }),
        ...(t.card === undefined ? {} : { card: t.card }),
        ...(t.points === undefined ? {} : { points: t.points }),
      })),
      changeMinor: settlement.changeMinor,
      cashRoundingMinor: settlement.cashRoundingMinor,
    };
    if (exceptions.length > 0) sale.exceptions = exceptions;
    proveApprovals(this.ctx, tx, request.audit ?? [], identity, sale.id);
    requireSaleRights(this.ctx, tx, request, sale, identity, principal, agreedPrices ? [] : overrides);
    const negative: string[] = [];
    const costing = costingOf(this.ctx.settings);
    sale.lines.forEach((l, i) => {
      stmts.insertSaleLine.run({
        saleId: sale.id,
        lineNo: i + 1,
        code: l.code,
        name: l.name,
        department: l.department,
        taxClass: l.taxClass,
        qtyMilli: l.qtyMilli,
        unitPriceMinor: l.unitPriceMinor,
        extendedMinor: l.extendedMinor,
        discountMinor: l.discountMinor,
        taxMinor: l.taxMinor,
        totalMinor: l.totalMinor,
        kind: l.kind ?? null,
        lot: l.lot ?? null,
        expiry: l.expiry ?? null,
        serial: l.serial ?? null,
      });
      if (l.serial !== undefined) markSerialInTx(tx, l.code, l.serial, "sold");
      if (l.kind === "giftCard") return;
      const level = moveStock(
        tx,
        {
          code: l.code,
          qtyMilli: -l.qtyMilli,
          kind: "sale",
          refId: sale.id,
          userId: sale.cashierId,
          at: atIso,
          saleLine: `${sale.id}:${i + 1}`,
        },
        costing,
      );
      if (level.onHandMilli < 0) negative.push(l.code);
    });
    sale.tenders.forEach((t, i) => {
      stmts.insertTender.run({
        docId: sale.id,
        idx: i,
        docKind: "sale",
        type: t.type,
        amountMinor: t.amountMinor,
        day,
        shiftId,
      });
    });
    for (const t of quote.taxes) {
      stmts.insertTax.run({ docId: sale.id, docKind: "sale", day, ...t });
    }
    for (const entry of request.audit ?? []) {
      const row = {
        at: entry.at ?? atIso,
        action: entry.action,
        userId: entry.userId ?? sale.cashierId,
        tillId: sale.tillId,
        approvedBy: entry.approvedBy ?? null,
        refId: sale.id,
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
      };
      tx.insert(audit).values(row).run();
      appendEvent(tx, this.ctx.storeId, "audit.recorded", row, at);
    }
    queueGiftCardLoads(tx, sale.id, sale.lines, atIso);
    recordServiceLines(this.ctx, tx, { sale, customerId: request.customerId ?? null, shiftId, at, day });
    recordExceptions(this.ctx, tx, { id: sale.id, receiptNo, tillId: sale.tillId, at, day }, exceptions);
    if (negative.length > 0) sale.negativeStock = negative;
    // The sale's row is written once, with its answer, after its lines and stock moves.
    stmts.insertSale.run({
      id: sale.id,
      receiptNo,
      tillId: sale.tillId,
      cashierId: sale.cashierId,
      shiftId,
      customerId: request.customerId ?? null,
      at: atIso,
      day,
      subtotalMinor: quote.subtotalMinor,
      discountMinor: quote.discountMinor,
      taxMinor: quote.taxMinor,
      totalMinor: quote.totalMinor,
      changeMinor: settlement.changeMinor,
      cashRoundingMinor: settlement.cashRoundingMinor,
      requestHash,
      response: JSON.stringify(sale),
    });

    appendEvent(
      tx,
      this.ctx.storeId,
      "sale.completed",
      {
        saleId: sale.id,
        receiptNo,
        tillId: sale.tillId,
        cashierId: sale.cashierId,
        shiftId,
        at: atIso,
        day,
        currency: this.ctx.settings.currency,
        lines: sale.lines.map((l) => ({
          code: l.code,
          name: l.name,
          department: l.department,
          taxClass: l.taxClass,
          qtyMilli: l.qtyMilli,
          unitPriceMinor: l.unitPriceMinor,
          extendedMinor: l.extendedMinor,
          discountMinor: l.discountMinor,
          taxMinor: l.taxMinor,
          totalMinor: l.totalMinor,
          ...(l.kind === undefined ? {} : { kind: l.kind }),
          ...(l.card === undefined ? {} : { card: l.card }),
          ...(l.lot === undefined ? {} : { lot: l.lot }),
          ...(l.expiry === undefined ? {} : { expiry: l.expiry }),
          ...(l.serial === undefined ? {} : { serial: l.serial }),
          ...(l.staffId === undefined ? {} : { staffId: l.staffId }),
          ...(l.packageId === undefined ? {} : { packageId: l.packageId }),
        })),
        subtotalMinor: sale.subtotalMinor,
        discountMinor: sale.discountMinor,
        taxMinor: sale.taxMinor,
        totalMinor: sale.totalMinor,
        taxes: sale.taxes,
        tenders: sale.tenders.map((t) => ({ type: t.type, amountMinor: t.amountMinor })),
        changeMinor: sale.changeMinor,
        cashRoundingMinor: sale.cashRoundingMinor,
        customerId: request.customerId ?? null,
        ...(sale.promotions.length === 0 ? {} : { promotions: sale.promotions }),
      },
      at,
    );
    return { sale, created: true };
  }
}
