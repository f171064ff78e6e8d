/**
 * Serial numbers at the store: received on stock documents (`serials` on a receipt's lines,
 * kept in `stock_serials`), sold (the serial on a sale line), returned (a return of that line).
 * A unit's status follows its last move; a serial sold without having been received still has
 * its history from the sale.
 */
import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { z } from "zod";
import {
  returnLines,
  returns,
  saleLines,
  sales,
  stockDocuments,
  stockSerials,
} from "../../../schema/store.ts";
import type { SerialHistory, SerialUnitHistory } from "../../api/store/serials.ts";
import type { StockDocumentRequest } from "../../api/store/stock-documents.ts";
import type { StoreDb, StoreTx } from "../context.ts";
import { SerialError } from "./errors.ts";

/** A line's serials: each one unit, so no more than its whole units and none twice. */
export function checkLineSerials(request: Pick<StockDocumentRequest, "lines">): void {
  request.lines.forEach((line, i) => {
    const serials = line.serials;
    if (serials === undefined) return;
    const units = Number(line.qty);
    if (serials.length > units) {
      throw new SerialError(
        "SERIALS_MISMATCH",
        `lines.${i}.serials: ${serials.length} serials for ${line.qty} units; give one serial per unit at most`,
        { code: line.code, serials: serials.length, qty: line.qty },
      );
    }
    const twice = serials.find((s, j) => serials.indexOf(s) !== j);
    if (twice !== undefined) {
      throw new SerialError("SERIALS_MISMATCH", `lines.${i}.serials: serial ${twice} is listed twice`, {
        code: line.code,
        serial: twice,
      });
    }
  });
}

const keptRequest = z.object({
  lines: z.array(z.object({ serials: z.array(z.string()).optional() }).loose()),
});

/**
 * Posting a receipt: its lines' serials are in stock (a serial received again is back in stock,
 * on the newer document). `productCodes[i]` is the product of the request's line i.
 */
export function receiveSerialsInTx(
  tx: StoreTx,
  doc: { id: string; type: string; request: string },
  productCodes: readonly string[],
  atIso: string,
): void {
  if (doc.type !== "receipt" && doc.type !== "transfer_in") return;
  const kept = keptRequest.safeParse(JSON.parse(doc.request));
  if (!kept.success) return;
  kept.data.lines.forEach((line, i) => {
    const productCode = productCodes[i];
    if (productCode === undefined) return;
    for (const serial of line.serials ?? []) {
      const values = {
        serial,
        productCode,
        documentId: doc.id,
        status: "in_stock" as const,
        receivedAt: atIso,
      };
      tx.insert(stockSerials)
        .values(values)
        .onConflictDoUpdate({ target: [stockSerials.productCode, stockSerials.serial], set: values })
        .run();
    }
  });
}

/** A unit of a received serial sold or returned; a serial never received is left alone. */
export function markSerialInTx(tx: StoreTx, code: string, serial: string, status: "sold" | "returned"): void {
  tx.update(stockSerials)
    .set({ status })
    .where(and(eq(stockSerials.productCode, code), eq(stockSerials.serial, serial)))
    .run();
}

/** The serial of a sale's line, when it has one. */
export function serialOfSaleLine(
  tx: StoreTx,
  saleId: string,
  lineNo: number,
): { code: string; serial: string } | null {
  const row = tx
    .select({ code: saleLines.code, serial: saleLines.serial })
    .from(saleLines)
    .where(and(eq(saleLines.saleId, saleId), eq(saleLines.lineNo, lineNo)))
    .get();
  return row?.serial ? { code: row.code, serial: row.serial } : null;
}

/** The latest completed sale of this store with the serial on a line, if any. */
export function saleIdOfSerial(db: StoreDb, serial: string): string | null {
  const row = db
    .select({ saleId: sales.id })
    .from(saleLines)
    .innerJoin(sales, eq(sales.id, saleLines.saleId))
    .where(and(eq(saleLines.serial, serial), eq(sales.status, "completed")))
    .orderBy(desc(sales.at))
    .get();
  return row?.saleId ?? null;
}

export function serialHistory(db: StoreDb, serial: string): SerialHistory {
  const received = db
    .select({
      code: stockSerials.productCode,
      status: stockSerials.status,
      documentId: stockSerials.documentId,
      number: stockDocuments.number,
      at: stockSerials.receivedAt,
    })
    .from(stockSerials)
    .innerJoin(stockDocuments, eq(stockDocuments.id, stockSerials.documentId))
    .where(eq(stockSerials.serial, serial))
    .all();
  const sold = db
    .select({
      code: saleLines.code,
      saleId: sales.id,
      lineNo: saleLines.lineNo,
      receiptNo: sales.receiptNo,
      at: sales.at,
    })
    .from(saleLines)
    .innerJoin(sales, eq(sales.id, saleLines.saleId))
    .where(and(eq(saleLines.serial, serial), eq(sales.status, "completed")))
    .orderBy(asc(sales.at))
    .all();
  const saleIds = sold.map((s) => s.saleId);
  const returned =
    saleIds.length === 0
      ? []
      : db
          .select({
            returnId: returns.id,
            receiptNo: returns.receiptNo,
            at: returns.at,
            saleId: returns.originalSaleId,
            lineNo: returnLines.originalLineNo,
          })
          .from(returnLines)
          .innerJoin(returns, eq(returns.id, returnLines.returnId))
          .where(and(inArray(returns.originalSaleId, saleIds), isNotNull(returnLines.originalLineNo)))
          .orderBy(asc(returns.at))
          .all()
          .filter((r) => sold.some((s) => s.saleId === r.saleId && s.lineNo === r.lineNo));

  const units = new Map<string, SerialUnitHistory>();
  const unit = (code: string): SerialUnitHistory => {
    let found = units.get(code);
    if (!found) {
      found = { code, status: "in_stock", received: [], sold: [], returned: [] };
      units.set(code, found);
    }
    return found;
  };
  for (const r of received) {
    const u = unit(r.code);
    u.status = r.status;
    u.received.push({ documentId: r.documentId, number: r.number, at: r.at });
  }
  for (const s of sold) {
    const u = unit(s.code);
    u.sold.push({ saleId: s.saleId, receiptNo: s.receiptNo, at: s.at });
    const back = returned.filter((r) => r.saleId === s.saleId && r.lineNo === s.lineNo);
    for (const r of back) u.returned.push({ returnId: r.returnId, receiptNo: r.receiptNo, at: r.at });
    // Never received here: its status follows its sales and returns.
    if (!received.some((r) => r.code === s.code)) u.status = back.length > 0 ? "returned" : "sold";
  }
  const list = [...units.values()].sort((a, b) => a.code.localeCompare(b.code));
  const last = list.at(-1);
  if (!last)
    throw new SerialError("SERIAL_NOT_FOUND", `no unit with the serial ${serial} was received or sold here`, {
      serial,
    });
  const moved = list.find((u) => u.status !== "in_stock") ?? last;
  return { serial, status: moved.status, units: list };
}
