/**
 * An invoice or credit note as receipt-printer text lines (the lines the ESC/POS renderer
 * prints as they are): the store's `…/:number.txt`, the A4 PDF's text, and the till's copy.
 */
import { currencyExponent, minorToDecimalString } from "./money.ts";
import { milliToDecimalString } from "./quantity.ts";

/** What the text of an invoice or credit note shows (the API's `Invoice` has it all). */
export interface InvoiceText {
  kind: "invoice" | "credit_note";
  number: string;
  refersTo: string | null;
  issueDate: string;
  receiptNo: string;
  currency: string;
  seller: { name: string; address: readonly string[]; taxId: string; registration: string | null };
  buyer: { name: string; address: string; taxId: string | null };
  lines: readonly {
    code: string;
    name: string;
    qtyMilli: number;
    unitPriceMinor: number;
    discountMinor: number;
    taxRate: string;
    grossMinor: number;
  }[];
  taxes: readonly { rate: string; netMinor: number; taxMinor: number }[];
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  note?: string | null | undefined;
}

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

export function invoiceTitle(doc: Pick<InvoiceText, "kind" | "number">): string {
  return `${doc.kind === "invoice" ? "INVOICE" : "CREDIT NOTE"} ${doc.number}`;
}

/** The document as text lines of `columns` characters (the first line is its title). */
export function invoiceTextLines(doc: InvoiceText, columns = 48): string[] {
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
