/**
 * An invoice or credit note on paper: text lines for a receipt printer (the lines the ESC/POS
 * renderer prints as they are, `…/:number.txt`) and an A4 PDF (`…/:number.pdf`), both from the
 * document as issued.
 */
import type { Invoice } from "../../api/store/invoices.ts";
import { currencyExponent, minorToDecimalString } from "../../core/money.ts";
import { milliToDecimalString } from "../../core/quantity.ts";
import { textPdf } from "../stock/document-render.ts";

function clip(text: string, width: number): string {
  return text.length > width ? text.slice(0, width) : text;
}

/** Words to lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    let line = "";
    for (const word of para.split(/\s+/).filter((w) => w.length > 0)) {
      const next = line ? `${line} ${word}` : word;
      if (next.length <= width) line = next;
      else {
        if (line) out.push(line);
        line = clip(word, width);
      }
    }
    if (line) out.push(line);
  }
  return out;
}

function qty(milli: number): string {
  return milli < 0 ? `-${milliToDecimalString(-milli)}` : milliToDecimalString(milli);
}

export function invoiceTitle(doc: Pick<Invoice, "kind" | "number">): string {
  return `${doc.kind === "invoice" ? "INVOICE" : "CREDIT NOTE"} ${doc.number}`;
}

/** The document as text lines of `columns` characters (the first line is its title). */
export function invoiceTextLines(doc: Invoice, columns = 48): string[] {
  const exp = currencyExponent(doc.currency);
  const money = (minor: number) => minorToDecimalString(minor, exp);
  const out: string[] = [];
  const pair = (left: string, right: string): void => {
    const room = Math.max(columns - right.length - 1, 1);
    out.push(`${clip(left, room).padEnd(room)} ${right}`);
  };
  const rule = "-".repeat(columns);
  out.push(clip(invoiceTitle(doc), columns));
  if (doc.refersTo) out.push(clip(`credits invoice ${doc.refersTo}`, columns));
  out.push(clip(`date ${doc.issueDate}  receipt ${doc.receiptNo}`, columns));
  out.push(rule);
  out.push(...wrap(doc.seller.name, columns));
  for (const l of doc.seller.address) out.push(...wrap(l, columns));
  out.push(clip(`tax id ${doc.seller.taxId}`, columns));
  if (doc.seller.registration) out.push(clip(`reg. ${doc.seller.registration}`, columns));
  out.push(rule);
  out.push(clip("bill to:", columns));
  out.push(...wrap(doc.buyer.name, columns));
  out.push(...wrap(doc.buyer.address, columns));
  if (doc.buyer.taxId) out.push(clip(`tax id ${doc.buyer.taxId}`, columns));
  out.push(rule);
  for (const line of doc.lines) {
    pair(`${line.code} ${line.name}`, money(line.grossMinor));
    const detail = `  ${qty(line.qtyMilli)} x ${money(line.unitPriceMinor)}${line.discountMinor ? ` -${money(line.discountMinor)}` : ""}  tax ${line.taxRate}%`;
    out.push(clip(detail, columns));
  }
  out.push(rule);
  for (const t of doc.taxes) {
    pair(`tax ${t.rate}% on ${money(t.netMinor)}`, money(t.taxMinor));
  }
  pair(`net (${doc.currency})`, money(doc.netMinor));
  pair("tax", money(doc.taxMinor));
  pair(doc.kind === "invoice" ? "total" : "total credited", money(doc.totalMinor));
  if (doc.note) {
    out.push(rule);
    out.push(...wrap(doc.note, columns));
  }
  return out;
}

/** The document as an A4 PDF. */
export function invoicePdf(doc: Invoice): Promise<Uint8Array> {
  return textPdf(invoiceTitle(doc), invoiceTextLines(doc, 95));
}
