/**
 * The store's copy of its tills' fiscal signatures: kept with each sale as rung that carries one
 * (once, by sale id), and read back by period for the export.
 */
import { and, asc, gte, lt } from "drizzle-orm";
import { fiscalReceipts, fiscalSignatures } from "../../../schema/store.ts";
import type { FiscalExportAnswer, FiscalExportQuery, FiscalExportRow } from "../../api/store/fiscal.ts";
import { dayStartInstant, nextDay } from "../../core/day-bounds.ts";
import type { RegistrarRecord } from "../../core/fiscal-registrar.ts";
import type { FiscalSignature } from "../../core/fiscal-signature.ts";
import type { StoreContext } from "../context.ts";

/** Keeps a recorded sale's signature (a sale recorded again keeps the first). */
export function recordFiscalSignature(
  ctx: StoreContext,
  sale: { id: string; tillId: string; receiptNo: string; at: string },
  fiscal: FiscalSignature,
): void {
  const signed = fiscal.status === "signed" ? fiscal : null;
  ctx.db
    .insert(fiscalSignatures)
    .values({
      saleId: sale.id,
      tillId: sale.tillId,
      receiptNo: sale.receiptNo,
      at: sale.at,
      status: fiscal.status,
      serial: signed?.serial ?? null,
      publicKey: signed?.publicKey ?? null,
      algorithm: signed?.algorithm ?? null,
      transactionNo: signed?.transactionNo ?? null,
      signatureCounter: signed?.signatureCounter ?? null,
      startedAt: signed?.startedAt ?? null,
      finishedAt: signed?.finishedAt ?? null,
      processData: signed?.processData ?? null,
      signature: signed?.signature ?? null,
      reason: fiscal.status === "unavailable" ? fiscal.reason : null,
      detail: fiscal.status === "unavailable" ? fiscal.detail : null,
    })
    .onConflictDoNothing()
    .run();
}

/** Keeps what a recorded sale's fiscal printer did with its receipt (a sale recorded again keeps the first). */
export function recordFiscalReceipt(
  ctx: StoreContext,
  sale: { id: string; tillId: string; receiptNo: string; at: string },
  registrar: RegistrarRecord,
): void {
  const printed = registrar.status === "printed" ? registrar : null;
  const failed = registrar.status === "unavailable" ? registrar : null;
  ctx.db
    .insert(fiscalReceipts)
    .values({
      saleId: sale.id,
      tillId: sale.tillId,
      receiptNo: sale.receiptNo,
      at: sale.at,
      status: registrar.status,
      fiscalReceiptNo: printed?.fiscalReceiptNo ?? null,
      memoryCounter: printed?.memoryCounter ?? null,
      reason: failed?.reason ?? null,
      detail: failed?.detail ?? null,
    })
    .onConflictDoNothing()
    .run();
}

/** The signatures of the sales of the store's business days `from` to `to`, oldest first. */
export function exportFiscalSignatures(ctx: StoreContext, query: FiscalExportQuery): FiscalExportAnswer {
  const timeZone = ctx.settings.timeZone;
  const rows = ctx.db
    .select()
    .from(fiscalSignatures)
    .where(
      and(
        gte(fiscalSignatures.at, dayStartInstant(query.from, timeZone)),
        lt(fiscalSignatures.at, dayStartInstant(nextDay(query.to), timeZone)),
      ),
    )
    .orderBy(asc(fiscalSignatures.at), asc(fiscalSignatures.saleId))
    .all();
  return {
    from: query.from,
    to: query.to,
    signatures: rows.map(
      (row): FiscalExportRow => ({ ...row, reason: row.reason as FiscalExportRow["reason"] }),
    ),
  };
}
