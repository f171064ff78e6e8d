/**
 * Replays an event of the store's own journal, as head office kept it, into the store's
 * database: the event goes into the journal exactly as journaled (its sequence number, id,
 * payload text and hash: no new sequence number is issued), and its effect into the tables
 * the store's services write (sales and their lines, tenders and taxes, returns, shifts and
 * cash movements, stock movements and levels, the audit trail, receipt and Z counters, the
 * store's own products). The event's hash and its link to the journal's head are checked
 * first: nothing that is not the store's own chain gets in. User events are journaled only
 * (users come back from head office's catalog stream).
 */

import type { JournaledEvent } from "../../api/hq/store-journal.ts";
import type { CostingConfig } from "../../core/costing.ts";
import { computeEventHash, type EventPayload, parseEvent, type StoreEvent } from "../../core/events.ts";
import { parseReceiptNo } from "../../core/ids.ts";
import { nextCounter } from "../catalog/service.ts";
import type { StoreTx } from "../context.ts";
import { connectionOf, statementsOf } from "../db/statements.ts";
import { queueGiftCardLoads } from "../gift-cards/loads.ts";
import { Z_COUNTER } from "../shifts/service.ts";
import { moveStock } from "../stock/ledger.ts";
import { writeLimits } from "../stock/limits.ts";
import { replayPurchasing } from "./replay-purchasing.ts";

export class ReplayError extends Error {}

/** Checks and journals one event, then applies it to the tables, in the caller's transaction. */
export function replayEvent(tx: StoreTx, storeId: string, row: JournaledEvent, costing: CostingConfig): void {
  const stmts = statementsOf(tx);
  const head = stmts.journalHead.get();
  const expected = (head?.seq ?? 0) + 1;
  if (row.seq !== expected) {
    throw new ReplayError(`head office sent event ${row.seq} where event ${expected} was expected`);
  }
  if (row.prevHash !== (head?.hash ?? null)) {
    throw new ReplayError(
      `head office's event ${row.seq} does not follow this journal's event ${expected - 1} (its previous hash differs): the journal forked; rebuild into an empty data directory`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(row.payload);
  } catch {
    throw new ReplayError(`head office's event ${row.seq} (${row.id}) has a payload that is not JSON`);
  }
  const envelope = { ...row, storeId, payload: raw };
  if (computeEventHash(envelope) !== row.hash) {
    throw new ReplayError(`head office's event ${row.seq} (${row.id}) does not match its hash`);
  }
  const event = parseEvent(envelope);
  stmts.insertEvent.run(row.seq, row.id, row.type, row.version, row.at, row.payload, row.prevHash, row.hash);
  applyToTables(tx, storeId, event, costing);
}

function applyToTables(tx: StoreTx, storeId: string, event: StoreEvent, costing: CostingConfig): void {
  switch (event.type) {
    case "sale.completed":
      sale(tx, storeId, event.payload as EventPayload<"sale.completed">, costing);
      return;
    case "sale.voided":
      voided(tx, event.payload as EventPayload<"sale.voided">, costing);
      return;
    case "return.recorded":
      returned(tx, event.payload as EventPayload<"return.recorded">, costing);
      return;
    case "shift.opened": {
      const p = event.payload as EventPayload<"shift.opened">;
      connectionOf(tx)
        .query(
          "INSERT OR IGNORE INTO shifts (id, till_id, opened_by, opened_at, float_minor) VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .run(p.shiftId, p.tillId, p.userId, p.at, p.floatMinor);
      return;
    }
    case "shift.closed": {
      const p = event.payload as EventPayload<"shift.closed">;
      connectionOf(tx)
        .query("UPDATE shifts SET closed_at = ?2, closed_by = ?3, z_number = ?4 WHERE id = ?1")
        .run(p.shiftId, p.at, p.userId, p.zNumber);
      if (p.zNumber !== null) stmts(tx).raiseCounter.run(Z_COUNTER, p.zNumber);
      return;
    }
    case "cash.moved": {
      const p = event.payload as EventPayload<"cash.moved">;
      if (p.shiftId === null) return;
      connectionOf(tx)
        .query(
          "INSERT OR IGNORE INTO cash_movements (id, shift_id, kind, amount_minor, reason, user_id, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )
        .run(p.movementId, p.shiftId, p.kind, p.amountMinor, p.reason, p.userId, p.at);
      return;
    }
    case "stock.adjusted": {
      const p = event.payload as EventPayload<"stock.adjusted">;
      moveStock(
        tx,
        {
          code: p.code,
          qtyMilli: p.deltaMilli,
          kind: p.kind === "count" ? "count" : "adjustment",
          refId: p.refId,
          reason: p.reason,
          userId: p.userId,
          at: p.at,
        },
        costing,
      );
      return;
    }
    case "stock.document_posted": {
      const p = event.payload as EventPayload<"stock.document_posted">;
      // A count's differences are journalled as stock.adjusted events of their own.
      if (p.type === "count") return;
      for (const line of p.lines) {
        if (line.deltaMilli === 0) continue;
        moveStock(
          tx,
          {
            code: line.code,
            qtyMilli: line.deltaMilli,
            kind: p.type,
            refId: p.id,
            reason: p.reason,
            userId: p.userId,
            at: p.at,
            location: line.location,
            lot: line.lot,
            expiry: line.expiry,
            unitCostMinor: line.unitCostMinor,
          },
          costing,
        );
      }
      return;
    }
    case "stock.limits_changed":
      writeLimits(tx, event.payload as EventPayload<"stock.limits_changed">);
      return;
    case "audit.recorded": {
      const p = event.payload as EventPayload<"audit.recorded">;
      connectionOf(tx)
        .query(
          "INSERT INTO audit (at, action, user_id, till_id, approved_by, ref_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )
        .run(p.at, p.action, p.userId, p.tillId, p.approvedBy, p.refId, p.detail);
      return;
    }
    case "product.upserted":
      product(tx, event.payload as EventPayload<"product.upserted">, event.at);
      return;
    default:
      if (replayPurchasing(tx, event)) return;
      // Users, line voids, price overrides, drawer openings and exceptions: the
      // journal keeps them; users come back from head office, the rest is the audit trail above.
      return;
  }
}

const stmts = statementsOf;

function sale(tx: StoreTx, storeId: string, p: EventPayload<"sale.completed">, costing: CostingConfig): void {
  const s = stmts(tx);
  const day = p.day ?? p.at.slice(0, 10);
  const shiftId = p.shiftId ?? null;
  p.lines.forEach((l, i) => {
    s.insertSaleLine.run({
      saleId: p.saleId,
      lineNo: i + 1,
      code: l.code,
      name: l.name,
      department: l.department ?? null,
      taxClass: l.taxClass ?? null,
      qtyMilli: l.qtyMilli,
      unitPriceMinor: l.unitPriceMinor,
      extendedMinor: l.extendedMinor,
      discountMinor: l.discountMinor,
      taxMinor: l.taxMinor,
      totalMinor: l.totalMinor,
      lot: l.lot ?? null,
      expiry: l.expiry ?? null,
      serial: l.serial ?? null,
      kind: l.kind ?? null,
    });
    // A gift card sold moves no stock.
    if (l.kind === "giftCard") return;
    moveStock(
      tx,
      {
        code: l.code,
        qtyMilli: -l.qtyMilli,
        kind: "sale",
        refId: p.saleId,
        userId: p.cashierId,
        at: p.at,
        saleLine: `${p.saleId}:${i + 1}`,
      },
      costing,
    );
  });
  // Its gift cards' loads wait for head office again (once per line there).
  queueGiftCardLoads(tx, p.saleId, p.lines, p.at);
  tendersAndTaxes(tx, { docId: p.saleId, docKind: "sale", day, shiftId }, p);
  // The answer a till's retry of this sale gets back: the sale as recorded.
  const response = {
    id: p.saleId,
    receiptNo: p.receiptNo,
    tillId: p.tillId,
    cashierId: p.cashierId,
    at: p.at,
    status: "completed",
    lines: p.lines,
    subtotalMinor: p.subtotalMinor,
    discountMinor: p.discountMinor,
    taxMinor: p.taxMinor,
    totalMinor: p.totalMinor,
    taxes: p.taxes,
    tenders: p.tenders,
    changeMinor: p.changeMinor,
    cashRoundingMinor: p.cashRoundingMinor,
    recoveredFromHq: true,
  };
  s.insertSale.run({
    id: p.saleId,
    receiptNo: p.receiptNo,
    tillId: p.tillId,
    cashierId: p.cashierId,
    shiftId,
    customerId: p.customerId,
    at: p.at,
    day,
    subtotalMinor: p.subtotalMinor,
    discountMinor: p.discountMinor,
    taxMinor: p.taxMinor,
    totalMinor: p.totalMinor,
    changeMinor: p.changeMinor,
    cashRoundingMinor: p.cashRoundingMinor,
    requestHash: null,
    response: JSON.stringify(response),
  });
  const parsed = parseReceiptNo(p.receiptNo);
  if (parsed && parsed.storeId === storeId) s.raiseCounter.run(`receipt:${parsed.tillId}`, parsed.seq);
}

function voided(tx: StoreTx, p: EventPayload<"sale.voided">, costing: CostingConfig): void {
  const was = connectionOf(tx)
    .query<{ status: string }, [string]>("SELECT status FROM sales WHERE id = ?1")
    .get(p.saleId);
  if (!was || was.status === "voided") return;
  connectionOf(tx).query("UPDATE sales SET status = 'voided' WHERE id = ?1").run(p.saleId);
  const lines = connectionOf(tx)
    .query<{ code: string; qtyMilli: number; lineNo: number }, [string]>(
      "SELECT code, qty_milli AS qtyMilli, line_no AS lineNo FROM sale_lines WHERE sale_id = ?1 AND (kind IS NULL OR kind <> 'giftCard') ORDER BY line_no",
    )
    .all(p.saleId);
  for (const l of lines) {
    moveStock(
      tx,
      {
        code: l.code,
        qtyMilli: l.qtyMilli,
        kind: "void",
        refId: p.saleId,
        reason: p.reason,
        userId: p.approvedBy ?? p.cashierId,
        at: p.at,
        saleLine: `${p.saleId}:${l.lineNo}`,
      },
      costing,
    );
  }
}

function returned(tx: StoreTx, p: EventPayload<"return.recorded">, costing: CostingConfig): void {
  const s = stmts(tx);
  const day = p.day ?? p.at.slice(0, 10);
  const shiftId = p.shiftId ?? null;
  const db = connectionOf(tx);
  db.query(
    `INSERT INTO returns (id, receipt_no, original_sale_id, till_id, cashier_id, approved_by, shift_id, at, day,
       subtotal_minor, discount_minor, tax_minor, total_minor, response)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)`,
  ).run(
    p.returnId,
    p.receiptNo,
    p.originalSaleId,
    p.tillId,
    p.cashierId,
    p.approvedBy,
    shiftId,
    p.at,
    day,
    p.subtotalMinor,
    p.discountMinor,
    p.taxMinor,
    p.totalMinor,
    JSON.stringify({ id: p.returnId, ...p, recoveredFromHq: true }),
  );
  p.lines.forEach((l, i) => {
    db.query(
      `INSERT INTO return_lines (return_id, line_no, original_line_no, code, name, department, tax_class, qty_milli,
         unit_price_minor, extended_minor, discount_minor, tax_minor, total_minor)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)`,
    ).run(
      p.returnId,
      i + 1,
      l.originalLineNo ?? null,
      l.code,
      l.name,
      l.department ?? null,
      l.taxClass ?? null,
      l.qtyMilli,
      l.unitPriceMinor,
      l.extendedMinor,
      l.discountMinor,
      l.taxMinor,
      l.totalMinor,
    );
    const originalLineNo = l.originalLineNo ?? null;
    if (p.originalSaleId !== null && originalLineNo !== null) {
      db.query(
        "UPDATE sale_lines SET returned_milli = returned_milli + ?3 WHERE sale_id = ?1 AND line_no = ?2",
      ).run(p.originalSaleId, originalLineNo, l.qtyMilli);
    }
    moveStock(
      tx,
      {
        code: l.code,
        qtyMilli: l.qtyMilli,
        kind: "return",
        refId: p.returnId,
        userId: p.cashierId,
        at: p.at,
        saleLine:
          p.originalSaleId !== null && originalLineNo !== null
            ? `${p.originalSaleId}:${originalLineNo}`
            : null,
      },
      costing,
    );
  });
  tendersAndTaxes(tx, { docId: p.returnId, docKind: "return", day, shiftId }, p);
  db.query(
    "INSERT INTO audit (at, action, user_id, till_id, approved_by, ref_id, detail) VALUES (?1, 'return.recorded', ?2, ?3, ?4, ?5, ?6)",
  ).run(
    p.at,
    p.cashierId,
    p.tillId,
    p.approvedBy,
    p.returnId,
    JSON.stringify({
      receiptNo: p.receiptNo,
      originalSaleId: p.originalSaleId,
      originalStoreId: p.originalStoreId,
      withReceipt: p.originalSaleId !== null,
      totalMinor: p.totalMinor,
      reason: p.reason ?? null,
    }),
  );
  const match = /-R(\d+)$/.exec(p.receiptNo);
  if (match?.[1]) s.raiseCounter.run(`return:${p.tillId}`, Number(match[1]));
}

/** A product as the store's catalog had it after the change (the tills sync it by change seq). */
function product(tx: StoreTx, p: EventPayload<"product.upserted">, at: string): void {
  const db = connectionOf(tx);
  const changeSeq = nextCounter(tx, "catalog");
  db.query(
    `INSERT INTO products (code, name, price_minor, tax_class, department, sold_by_weight, open_price, cost_minor,
       unit, active, change_seq, updated_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, price_minor = excluded.price_minor,
       tax_class = excluded.tax_class, department = excluded.department, sold_by_weight = excluded.sold_by_weight,
       open_price = excluded.open_price, cost_minor = excluded.cost_minor, active = excluded.active,
       change_seq = excluded.change_seq, updated_at = excluded.updated_at`,
  ).run(
    p.code,
    p.name,
    p.priceMinor,
    p.taxClass,
    p.department,
    p.soldByWeight ? 1 : 0,
    p.openPrice ? 1 : 0,
    p.costMinor ?? null,
    p.soldByWeight ? "kg" : "each",
    p.active === false ? 0 : 1,
    changeSeq,
    p.at ?? at,
  );
  db.query("DELETE FROM barcodes WHERE product_code = ?1").run(p.code);
  for (const barcode of p.barcodes) {
    db.query(
      "INSERT INTO barcodes (barcode, product_code) VALUES (?1, ?2) ON CONFLICT(barcode) DO UPDATE SET product_code = excluded.product_code",
    ).run(barcode, p.code);
  }
}

/** A sale's or return's tenders and tax rows, as their services write them. */
function tendersAndTaxes(
  tx: StoreTx,
  doc: { docId: string; docKind: "sale" | "return"; day: string; shiftId: string | null },
  p: {
    tenders: readonly { type: string; amountMinor: number }[];
    taxes: readonly { taxClass: string; rate: string; baseMinor: number; taxMinor: number }[];
  },
): void {
  const s = stmts(tx);
  p.tenders.forEach((t, idx) => {
    s.insertTender.run({ ...doc, idx, type: t.type, amountMinor: t.amountMinor });
  });
  for (const t of p.taxes) {
    s.insertTax.run({
      docId: doc.docId,
      docKind: doc.docKind,
      day: doc.day,
      taxClass: t.taxClass,
      rate: t.rate,
      baseMinor: t.baseMinor,
      taxMinor: t.taxMinor,
    });
  }
}
