/**
 * An invoice or credit note on paper: text lines for a receipt printer (the lines the ESC/POS
 * renderer prints as they are, `…/:number.txt`) and an A4 PDF (`…/:number.pdf`), both from the
 * document as issued.
 */
import type { Invoice } from "../../api/store/invoices.ts";
import { invoiceTextLines, invoiceTitle } from "../../core/invoice-text.ts";
import { textPdf } from "../stock/document-render.ts";

export { invoiceTextLines, invoiceTitle };

/** The document as an A4 PDF. */
export function invoicePdf(doc: Invoice): Promise<Uint8Array> {
  return textPdf(invoiceTitle(doc), invoiceTextLines(doc, 95));
}
