/**
 * A stock document on paper: plain text lines for a receipt printer (`…/:id.txt`, the lines the
 * ESC/POS renderer prints as they are), and an A4 PDF (`…/:id.pdf`) drawn with pdf-lib (pure
 * JavaScript, so it runs in the compiled binary).
 */
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { StockDocument } from "../../api/store/stock-documents.ts";
import { milliToDecimalString } from "../../core/quantity.ts";

const TITLES: Record<StockDocument["type"], string> = {
  receipt: "Goods receipt",
  issue: "Stock issue",
  writeoff: "Write-off",
  count: "Stock count",
  adjustment: "Stock adjustment",
  transfer_out: "Transfer out",
  transfer_in: "Transfer in",
};

function qty(milli: number): string {
  return milli < 0 ? `-${milliToDecimalString(-milli)}` : milliToDecimalString(milli);
}

function clip(text: string, width: number): string {
  return text.length > width ? text.slice(0, width) : text;
}

/** What the text and PDF versions print of a document (the store's document, or its answer to a client). */
export type PrintableStockDocument = Pick<
  StockDocument,
  | "type"
  | "number"
  | "status"
  | "postedAt"
  | "location"
  | "reason"
  | "toStore"
  | "transferId"
  | "totalCostMinor"
> & {
  lines: readonly Pick<
    StockDocument["lines"][number],
    | "code"
    | "name"
    | "qtyMilli"
    | "location"
    | "lot"
    | "expiry"
    | "unitCostMinor"
    | "expectedMilli"
    | "systemMilli"
    | "differenceMilli"
  >[];
};

/** The document as text lines of `columns` characters. */
export function documentTextLines(doc: PrintableStockDocument, columns = 48): string[] {
  const out: string[] = [];
  const pair = (left: string, right: string): void => {
    const room = Math.max(columns - right.length - 1, 1);
    out.push(`${clip(left, room).padEnd(room)} ${right}`);
  };
  out.push(clip(`${TITLES[doc.type]} ${doc.number}`, columns));
  out.push(clip(`${doc.status}${doc.postedAt ? ` ${doc.postedAt}` : ""}`, columns));
  out.push(clip(`location: ${doc.location}`, columns));
  if (doc.reason) out.push(clip(`reason: ${doc.reason}`, columns));
  if (doc.toStore) out.push(clip(`to store: ${doc.toStore}`, columns));
  if (doc.transferId) out.push(clip(`transfer: ${doc.transferId}`, columns));
  out.push("-".repeat(columns));
  for (const line of doc.lines) {
    pair(`${line.code} ${line.name ?? ""}`.trim(), qty(line.qtyMilli));
    const extra: string[] = [];
    if (line.location !== doc.location) extra.push(`@${line.location}`);
    if (line.lot) extra.push(`lot ${line.lot}`);
    if (line.expiry) extra.push(`exp ${line.expiry}`);
    if (line.unitCostMinor !== null) extra.push(`cost ${line.unitCostMinor}`);
    if (line.expectedMilli !== null) extra.push(`sent ${qty(line.expectedMilli)}`);
    if (doc.type === "count") extra.push(`system ${qty(line.systemMilli)}`);
    if (doc.type === "count" || doc.type === "transfer_in") extra.push(`diff ${qty(line.differenceMilli)}`);
    if (extra.length > 0) out.push(clip(`  ${extra.join(", ")}`, columns));
  }
  out.push("-".repeat(columns));
  pair("lines", String(doc.lines.length));
  if (doc.totalCostMinor !== null) pair("total cost", String(doc.totalCostMinor));
  return out;
}

/** Characters the standard PDF fonts (WinAnsi) cannot draw print as "?". */
function winAnsi(text: string): string {
  return text.replace(/[^\x20-\x7e\u00a0-\u00ff]/g, "?");
}

/** The document as an A4 PDF. */
export function documentPdf(doc: StockDocument): Promise<Uint8Array> {
  return textPdf(`${TITLES[doc.type]} ${doc.number}`, documentTextLines(doc, 95));
}

/** Lines of text (at most 95 characters) as A4 pages in a fixed-width font. */
export async function textPdf(title: string, lines: readonly string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  const font = await pdf.embedFont(StandardFonts.Courier);
  const size = 9;
  const lineHeight = 11;
  const [width, height] = [595.28, 841.89];
  const margin = 40;
  const perPage = Math.floor((height - 2 * margin) / lineHeight);
  for (let i = 0; i < lines.length; i += perPage) {
    const page = pdf.addPage([width, height]);
    lines.slice(i, i + perPage).forEach((text, j) => {
      page.drawText(winAnsi(text), { x: margin, y: height - margin - j * lineHeight, size, font });
    });
  }
  return pdf.save();
}
