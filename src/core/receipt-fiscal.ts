/**
 * The receipt's fiscal signature block: the signature device's transaction number and signature
 * counter, when the transaction started and finished, and the QR code of the signature
 * (`fiscalQrData`); or, when the device was unavailable, the mark that says so.
 */
import { type FiscalSignature, fiscalQrData } from "./fiscal-signature.ts";
import type { ReceiptLabels } from "./receipt-labels.ts";

/** What the block needs of the receipt's layout builder. */
interface FiscalRowsBuilder {
  pair(left: string, right: string): unknown;
  center(text: string, style?: { bold?: boolean }): unknown;
  code(symbology: "qr", data: string): unknown;
  rule(): unknown;
}

/** `2026-03-02T15:00:00.123Z` → `2026-03-02 15:00:00 UTC` (the device's clock is UTC). */
function utc(time: string): string {
  return `${time.slice(0, 10)} ${time.slice(11, 19)} UTC`;
}

export function fiscalRows(
  b: FiscalRowsBuilder,
  doc: { fiscal?: FiscalSignature | undefined },
  labels: ReceiptLabels,
): void {
  const fiscal = doc.fiscal;
  if (fiscal === undefined) return;
  if (fiscal.status === "unavailable") {
    b.center(labels.fiscalUnavailable, { bold: true });
    b.rule();
    return;
  }
  b.pair(labels.fiscalTransaction, String(fiscal.transactionNo));
  b.pair(labels.fiscalCounter, String(fiscal.signatureCounter));
  b.pair(labels.fiscalStart, utc(fiscal.startedAt));
  b.pair(labels.fiscalFinish, utc(fiscal.finishedAt));
  b.center(fiscal.serial);
  b.code("qr", fiscalQrData(fiscal));
  b.rule();
}
