/**
 * Rows as head office's ingestion writes them (schema/hq-sales.ts), inserted directly so report
 * and sale-lookup tests can set up exact figures: a document, its lines, tenders and taxes.
 */
import {
  hqReturnLines,
  hqReturns,
  hqSaleLines,
  hqSales,
  hqSaleTaxes,
  hqTenders,
  stores,
} from "../../schema/hq.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import type { TestHq } from "./hq-app.ts";

/** Registry entries without credentials (registering through the API is tested elsewhere). */
export function insertStores(hq: TestHq, storeIds: readonly string[]): void {
  for (const storeId of storeIds) {
    hq.ctx.db
      .insert(stores)
      .values({
        storeId,
        name: `Store ${storeId}`,
        timeZone: "UTC",
        currency: "USD",
        natsUser: `store_${storeId}`,
        natsPasswordHash: "-",
        createdAt: "2026-03-01T00:00:00.000Z",
        updatedAt: "2026-03-01T00:00:00.000Z",
      })
      .run();
  }
}

export type Line = [
  code: string,
  dept: string,
  qtyMilli: number,
  unit: number,
  ext: number,
  disc: number,
  tax: number,
  total: number,
];
export type Tax = [taxClass: string, rate: string, base: number, tax: number];

export interface Doc {
  storeId: string;
  receiptNo: string;
  at: string;
  day: string;
  lines: Line[];
  tenders: [type: string, amount: number][];
  taxes: Tax[];
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
}

function lineRow(l: Line, lineNo: number) {
  const [code, department, qtyMilli, unitPriceMinor, extendedMinor, discountMinor, taxMinor, totalMinor] = l;
  return {
    lineNo,
    code,
    name: `Product ${code}`,
    department,
    taxClass: "1",
    qtyMilli,
    unitPriceMinor,
    extendedMinor,
    discountMinor,
    taxMinor,
    totalMinor,
  };
}

function insertDocParts(hq: TestHq, id: string, kind: "sale" | "return", d: Doc): void {
  d.tenders.forEach(([type, amountMinor], idx) => {
    hq.ctx.db
      .insert(hqTenders)
      .values({ docId: id, idx, docKind: kind, storeId: d.storeId, type, amountMinor, day: d.day })
      .run();
  });
  for (const [taxClass, rate, baseMinor, taxMinor] of d.taxes) {
    hq.ctx.db
      .insert(hqSaleTaxes)
      .values({
        docId: id,
        docKind: kind,
        storeId: d.storeId,
        taxClass,
        rate,
        baseMinor,
        taxMinor,
        day: d.day,
      })
      .run();
  }
}

export function insertSale(
  hq: TestHq,
  d: Doc,
  extra: { change?: number; status?: "completed" | "voided" } = {},
): string {
  const id = uuidv7(Date.parse(d.at));
  hq.ctx.db
    .insert(hqSales)
    .values({
      id,
      storeId: d.storeId,
      eventId: uuidv7(Date.parse(d.at)),
      receiptNo: d.receiptNo,
      tillId: "T1",
      cashierId: "ann",
      at: d.at,
      day: d.day,
      currency: "USD",
      status: extra.status ?? "completed",
      subtotalMinor: d.subtotal,
      discountMinor: d.discount,
      taxMinor: d.tax,
      totalMinor: d.total,
      changeMinor: extra.change ?? 0,
      cashRoundingMinor: 0,
    })
    .run();
  d.lines.forEach((l, i) => {
    hq.ctx.db
      .insert(hqSaleLines)
      .values({ saleId: id, ...lineRow(l, i + 1) })
      .run();
  });
  insertDocParts(hq, id, "sale", d);
  return id;
}

export function insertReturn(hq: TestHq, d: Doc, originalSaleId: string, originalLineNos: number[]): string {
  const id = uuidv7(Date.parse(d.at));
  hq.ctx.db
    .insert(hqReturns)
    .values({
      id,
      storeId: d.storeId,
      eventId: uuidv7(Date.parse(d.at)),
      receiptNo: d.receiptNo,
      originalSaleId,
      tillId: "T1",
      at: d.at,
      day: d.day,
      currency: "USD",
      subtotalMinor: d.subtotal,
      discountMinor: d.discount,
      taxMinor: d.tax,
      totalMinor: d.total,
      cashRoundingMinor: 0,
    })
    .run();
  d.lines.forEach((l, i) => {
    hq.ctx.db
      .insert(hqReturnLines)
      .values({ returnId: id, originalLineNo: originalLineNos[i] ?? null, ...lineRow(l, i + 1) })
      .run();
  });
  insertDocParts(hq, id, "return", d);
  return id;
}
