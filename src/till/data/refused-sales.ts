/**
 * Sales the store refused, for a supervisor at the till: the document kept for the store is
 * written to a file (to take to the back office, or to fix and send by hand), or the sale is
 * set back to pending so the drainer sends it again once the cause is fixed.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from "node:fs";
import { join } from "node:path";
import { InvalidInputError } from "../../core/errors.ts";
import type { RefusedExport } from "../services.ts";
import type { Outbox } from "./outbox.ts";

/** The folder of the till's data folder that exported sales are written to. */
export const REFUSED_EXPORT_DIR = "refused-sales";

class NotRefusedError extends InvalidInputError {
  override readonly kind = "not_found" as const;
}

function notRefused(saleId: string): NotRefusedError {
  return new NotRefusedError(
    "NOT_REFUSED",
    `sale ${saleId} is not a sale the store refused (it may have been sent again already)`,
    { saleId },
  );
}

/** A receipt number as a file name: anything but letters, digits, `-` and `_` becomes `_`. */
export function exportFileName(receiptNo: string): string {
  return `${receiptNo.replace(/[^A-Za-z0-9_-]/g, "_") || "sale"}.json`;
}

/** Writes a file whole or not at all, and durably (a power cut leaves the old one or the new). */
function writeDurably(path: string, text: string): void {
  const temp = `${path}.tmp`;
  const fd = openSync(temp, "w", 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

/** Writes a refused sale's kept document, pretty-printed, to `DATA/refused-sales/<receipt>.json`. */
export function exportRefusedSale(outbox: Outbox, dataDir: string, saleId: string): RefusedExport {
  const sale = outbox.rejected().find((r) => r.saleId === saleId);
  const body = sale === undefined ? null : outbox.document(saleId);
  if (sale === undefined || body === null) throw notRefused(saleId);
  let text: string;
  try {
    text = `${JSON.stringify(JSON.parse(body), null, 2)}\n`;
  } catch {
    // A damaged document is exported as it is kept: it is what the store was sent.
    text = body;
  }
  const dir = join(dataDir, REFUSED_EXPORT_DIR);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, exportFileName(sale.receiptNo));
  writeDurably(path, text);
  return { path, receiptNo: sale.receiptNo };
}

/** Sets a refused sale back to pending; throws NOT_REFUSED when it is not one. */
export function resendRefusedSale(outbox: Outbox, saleId: string): void {
  if (!outbox.resend(saleId)) throw notRefused(saleId);
}
