/**
 * Rebuilds a store's sales, voids and returns at head office from their events, row for row as
 * the store keeps them, so HQ's figures per store and day equal the store's own daily report.
 * Prepared statements on the ingest path: they run inside the ingest transaction.
 */
import type { Database, Statement } from "bun:sqlite";
import { businessDay } from "../../core/business-day.ts";
import type { EventPayload, StoreEvent } from "../../core/events.ts";

type Row = Record<string, string | number | null>;

const LINE_COLUMNS = `code, name, department, tax_class, qty_milli, unit_price_minor, extended_minor,
  discount_minor, tax_minor, total_minor`;
const LINE_VALUES = `$code, $name, $department, $taxClass, $qtyMilli, $unitPriceMinor, $extendedMinor,
  $discountMinor, $taxMinor, $totalMinor`;

export class SalesWriter {
  readonly #insertSale: Statement<unknown, [Row]>;
  readonly #insertSaleLine: Statement<unknown, [Row]>;
  readonly #insertSalePromotion: Statement<unknown, [Row]>;
  readonly #insertTender: Statement<unknown, [Row]>;
  readonly #insertTax: Statement<unknown, [Row]>;
  readonly #voidSale: Statement<unknown, [Row]>;
  readonly #insertReturn: Statement<unknown, [Row]>;
  readonly #insertReturnLine: Statement<unknown, [Row]>;
  readonly #insertException: Statement<unknown, [Row]>;
  readonly #timeZone: Statement<{ tz: string }, [string]> | null;
  readonly #zones = new Map<string, string>();
  /** The last day worked out: a sale's rows and its summaries ask for the same one in turn. */
  #lastDay: { storeId: string; at: string; day: string } | null = null;

  constructor(sqlite: Database) {
    this.#insertSale = sqlite.query(
      `INSERT INTO hq_sales (id, store_id, event_id, receipt_no, till_id, cashier_id, shift_id, customer_id,
        at, day, currency, status, subtotal_minor, discount_minor, tax_minor, total_minor, change_minor,
        cash_rounding_minor)
       VALUES ($id, $storeId, $eventId, $receiptNo, $tillId, $cashierId, $shiftId, $customerId, $at, $day,
        $currency, 'completed', $subtotalMinor, $discountMinor, $taxMinor, $totalMinor, $changeMinor,
        $cashRoundingMinor)`,
    );
    this.#insertSaleLine = sqlite.query(
      `INSERT INTO hq_sale_lines (sale_id, line_no, ${LINE_COLUMNS}) VALUES ($docId, $lineNo, ${LINE_VALUES})`,
    );
    this.#insertSalePromotion = sqlite.query(
      `INSERT INTO hq_sale_promotions (sale_id, promotion_id, discount_minor)
       VALUES ($saleId, $promotionId, $discountMinor) ON CONFLICT DO NOTHING`,
    );
    this.#insertTender = sqlite.query(
      `INSERT INTO hq_tenders (doc_id, idx, doc_kind, store_id, type, amount_minor, day)
       VALUES ($docId, $idx, $docKind, $storeId, $type, $amountMinor, $day)`,
    );
    this.#insertTax = sqlite.query(
      `INSERT INTO hq_sale_taxes (doc_id, doc_kind, store_id, tax_class, rate, base_minor, tax_minor, day)
       VALUES ($docId, $docKind, $storeId, $taxClass, $rate, $baseMinor, $taxMinor, $day)`,
    );
    this.#voidSale = sqlite.query(
      `UPDATE hq_sales SET status = 'voided', voided_at = $at, voided_by = $by, void_reason = $reason
       WHERE id = $saleId AND store_id = $storeId`,
    );
    this.#insertReturn = sqlite.query(
      `INSERT INTO hq_returns (id, store_id, event_id, receipt_no, original_sale_id, original_receipt_no,
        till_id, cashier_id, approved_by, shift_id, customer_id, at, day, currency, subtotal_minor,
        discount_minor, tax_minor, total_minor, cash_rounding_minor, reason)
       VALUES ($id, $storeId, $eventId, $receiptNo, $originalSaleId, $originalReceiptNo, $tillId, $cashierId,
        $approvedBy, $shiftId, $customerId, $at, $day, $currency, $subtotalMinor, $discountMinor, $taxMinor,
        $totalMinor, $cashRoundingMinor, $reason)`,
    );
    this.#insertReturnLine = sqlite.query(
      `INSERT INTO hq_return_lines (return_id, line_no, original_line_no, ${LINE_COLUMNS})
       VALUES ($docId, $lineNo, $originalLineNo, ${LINE_VALUES})`,
    );
    this.#insertException = sqlite.query(
      `INSERT INTO hq_price_exceptions (store_id, sale_id, line_no, kind, code, receipt_no, till_id, at, day,
        rung_minor, catalog_minor, detail)
       VALUES ($storeId, $saleId, $lineNo, $kind, $code, $receiptNo, $tillId, $at, $day, $rungMinor,
        $catalogMinor, $detail)
       ON CONFLICT DO NOTHING`,
    );
    let timeZone: Statement<{ tz: string }, [string]> | null = null;
    try {
      timeZone = sqlite.query("SELECT time_zone AS tz FROM stores WHERE store_id = ?1");
    } catch {
      // A database without the stores registry: days in UTC unless the event names its day.
    }
    this.#timeZone = timeZone;
  }

  /** Applies the event's effect on sales, if it has one. */
  apply(event: StoreEvent): void {
    switch (event.type) {
      case "sale.completed":
        this.#sale(event.storeId, event.id, event.payload);
        return;
      case "sale.voided":
        this.#void(event.storeId, event.payload);
        return;
      case "return.recorded":
        this.#return(event.storeId, event.id, event.payload);
        return;
      case "exception.recorded":
        for (const e of event.payload.exceptions) {
          this.#insertException.run({
            storeId: event.storeId,
            saleId: event.payload.saleId,
            receiptNo: event.payload.receiptNo,
            tillId: event.payload.tillId,
            at: event.payload.at,
            day: event.payload.day,
            lineNo: e.lineNo,
            kind: e.kind,
            code: e.code,
            rungMinor: e.rungMinor,
            catalogMinor: e.catalogMinor,
            detail: e.detail,
          });
        }
        return;
      default:
        return;
    }
  }

  /** The business day of a document at `at` of a store (the day it names, when it names one). */
  dayOf(storeId: string, at: string, day?: string): string {
    return this.#day(storeId, at, day);
  }

  #day(storeId: string, at: string, day: string | undefined): string {
    if (day !== undefined) return day;
    const last = this.#lastDay;
    if (last !== null && last.storeId === storeId && last.at === at) return last.day;
    const found = this.#zoneDay(storeId, at);
    this.#lastDay = { storeId, at, day: found };
    return found;
  }

  #zoneDay(storeId: string, at: string): string {
    let zone = this.#zones.get(storeId);
    if (zone === undefined) {
      zone = this.#timeZone?.get(storeId)?.tz ?? "UTC";
      this.#zones.set(storeId, zone);
    }
    try {
      return businessDay(new Date(at), zone);
    } catch {
      // A zone this runtime does not know (head office checks new ones): count in UTC.
      return businessDay(new Date(at), "UTC");
    }
  }

  #sale(storeId: string, eventId: string, p: EventPayload<"sale.completed">): void {
    const day = this.#day(storeId, p.at, p.day);
    this.#insertSale.run({
      id: p.saleId,
      storeId,
      eventId,
      receiptNo: p.receiptNo,
      tillId: p.tillId,
      cashierId: p.cashierId,
      shiftId: p.shiftId ?? null,
      customerId: p.customerId,
      at: p.at,
      day,
      currency: p.currency,
      subtotalMinor: p.subtotalMinor,
      discountMinor: p.discountMinor,
      taxMinor: p.taxMinor,
      totalMinor: p.totalMinor,
      changeMinor: p.changeMinor,
      cashRoundingMinor: p.cashRoundingMinor,
    });
    p.lines.forEach((line, i) => {
      this.#insertSaleLine.run({
        docId: p.saleId,
        lineNo: line.lineNo ?? i + 1,
        code: line.code,
        name: line.name,
        department: line.department,
        taxClass: line.taxClass,
        qtyMilli: line.qtyMilli,
        unitPriceMinor: line.unitPriceMinor,
        extendedMinor: line.extendedMinor,
        discountMinor: line.discountMinor,
        taxMinor: line.taxMinor,
        totalMinor: line.totalMinor,
      });
    });
    for (const promotion of p.promotions ?? []) {
      this.#insertSalePromotion.run({
        saleId: p.saleId,
        promotionId: promotion.id,
        discountMinor: promotion.discountMinor,
      });
    }
    this.#tendersAndTaxes(storeId, p.saleId, "sale", day, p.tenders, p.taxes);
  }

  #void(storeId: string, p: EventPayload<"sale.voided">): void {
    this.#voidSale.run({
      saleId: p.saleId,
      storeId,
      at: p.at,
      by: p.approvedBy ?? p.cashierId,
      reason: p.reason,
    });
  }

  #return(storeId: string, eventId: string, p: EventPayload<"return.recorded">): void {
    const day = this.#day(storeId, p.at, p.day);
    this.#insertReturn.run({
      id: p.returnId,
      storeId,
      eventId,
      receiptNo: p.receiptNo,
      originalSaleId: p.originalSaleId,
      originalReceiptNo: p.originalReceiptNo ?? null,
      tillId: p.tillId,
      cashierId: p.cashierId,
      approvedBy: p.approvedBy,
      shiftId: p.shiftId ?? null,
      customerId: p.customerId ?? null,
      at: p.at,
      day,
      currency: p.currency,
      subtotalMinor: p.subtotalMinor,
      discountMinor: p.discountMinor,
      taxMinor: p.taxMinor,
      totalMinor: p.totalMinor,
      cashRoundingMinor: p.cashRoundingMinor ?? 0,
      reason: p.reason ?? null,
    });
    p.lines.forEach((line, i) => {
      this.#insertReturnLine.run({
        docId: p.returnId,
        lineNo: line.lineNo ?? i + 1,
        originalLineNo: line.originalLineNo ?? null,
        code: line.code,
        name: line.name,
        department: line.department,
        taxClass: line.taxClass,
        qtyMilli: line.qtyMilli,
        unitPriceMinor: line.unitPriceMinor,
        extendedMinor: line.extendedMinor,
        discountMinor: line.discountMinor,
        taxMinor: line.taxMinor,
        totalMinor: line.totalMinor,
      });
    });
    this.#tendersAndTaxes(storeId, p.returnId, "return", day, p.tenders, p.taxes);
  }

  #tendersAndTaxes(
    storeId: string,
    docId: string,
    docKind: "sale" | "return",
    day: string,
    tenders: readonly { type: string; amountMinor: number }[],
    taxes: readonly { taxClass: string; rate: string; baseMinor: number; taxMinor: number }[],
  ): void {
    tenders.forEach((t, idx) => {
      this.#insertTender.run({ docId, idx, docKind, storeId, type: t.type, amountMinor: t.amountMinor, day });
    });
    for (const t of taxes) {
      this.#insertTax.run({
        docId,
        docKind,
        storeId,
        taxClass: t.taxClass,
        rate: t.rate,
        baseMinor: t.baseMinor,
        taxMinor: t.taxMinor,
        day,
      });
    }
  }
}
