/**
 * Lays receipts out in fixed-width columns. The layout is a list of rows (text, rule, code)
 * that the screen renders as plain text and the printer turns into ESC/POS commands, so both
 * show the same receipt.
 */
import type { ReceiptDoc, ReceiptLine } from "./receipt.ts";
import { fiscalRows } from "./receipt-fiscal.ts";
import {
  type CurrencyDisplay,
  formatAmount,
  formatDateTime,
  formatQuantity,
  formatRate,
} from "./receipt-format.ts";
import { type ReceiptLabels, receiptLabels, tenderLabel } from "./receipt-labels.ts";

export type LayoutRow =
  /** Text no wider than the layout's columns, already aligned with leading spaces. */
  | { kind: "text"; text: string; bold: boolean; tall: boolean }
  /** A full-width line of one character. */
  | { kind: "rule"; char: "-" | "=" }
  /** A QR code or Code 128 barcode of `data`, centered. */
  | { kind: "code"; symbology: "qr" | "code128"; data: string }
  | { kind: "blank" };

export interface Layout {
  columns: number;
  rows: LayoutRow[];
}

export interface ReceiptLayoutOptions {
  columns: number;
  /** How totals show the currency; a printer without the symbol in its code page asks for "code". */
  currencyDisplay?: CurrencyDisplay;
}

export const MIN_COLUMNS = 24;
export const MAX_COLUMNS = 64;

/** Display width of a text: one column per character (code point) after NFC normalization. */
export function textWidth(value: string): number {
  return [...value.normalize("NFC")].length;
}

function chars(value: string): string[] {
  return [...value.normalize("NFC")];
}

/** Splits text into lines of at most `width` columns, breaking at spaces where it can. */
export function wrapText(value: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of value.normalize("NFC").split("\n")) {
    let current: string[] = [];
    for (const word of paragraph.split(" ").filter((w) => w.length > 0)) {
      let rest = chars(word);
      const gap = current.length > 0 ? 1 : 0;
      if (current.length + gap + rest.length <= width) {
        if (gap) current.push(" ");
        current.push(...rest);
        continue;
      }
      if (current.length > 0) lines.push(current.join(""));
      current = [];
      while (rest.length > width) {
        lines.push(rest.slice(0, width).join(""));
        rest = rest.slice(width);
      }
      current = rest;
    }
    if (current.length > 0 || lines.length === 0) lines.push(current.join(""));
  }
  return lines;
}

export class LayoutBuilder {
  readonly rows: LayoutRow[] = [];
  constructor(readonly columns: number) {}

  text(value: string, style: { bold?: boolean; tall?: boolean } = {}): this {
    for (const line of wrapText(value, this.columns)) {
      this.rows.push({ kind: "text", text: line, bold: style.bold ?? false, tall: style.tall ?? false });
    }
    return this;
  }

  /** Text indented by `indent` columns, wrapped within the rest of the line. */
  indented(value: string, indent: number): this {
    for (const line of wrapText(value, this.columns - indent)) {
      this.rows.push({ kind: "text", text: " ".repeat(indent) + line, bold: false, tall: false });
    }
    return this;
  }

  center(value: string, style: { bold?: boolean; tall?: boolean } = {}): this {
    for (const line of wrapText(value, this.columns)) {
      const pad = Math.floor((this.columns - textWidth(line)) / 2);
      this.rows.push({
        kind: "text",
        text: " ".repeat(pad) + line,
        bold: style.bold ?? false,
        tall: style.tall ?? false,
      });
    }
    return this;
  }

  /** `left` and `right` on one line with `right` flush right; on two lines when they do not fit. */
  pair(left: string, right: string, style: { bold?: boolean; tall?: boolean; indent?: number } = {}): this {
    const indent = " ".repeat(style.indent ?? 0);
    const row = { bold: style.bold ?? false, tall: style.tall ?? false };
    const rightWidth = textWidth(right);
    const leftLines = wrapText(left, this.columns - indent.length);
    const last = leftLines.pop() ?? "";
    for (const line of leftLines) this.rows.push({ kind: "text", text: indent + line, ...row });
    const lastWidth = indent.length + textWidth(last);
    if (lastWidth + 1 + rightWidth <= this.columns) {
      const gap = " ".repeat(this.columns - lastWidth - rightWidth);
      this.rows.push({ kind: "text", text: indent + last + gap + right, ...row });
    } else {
      this.rows.push({ kind: "text", text: indent + last, ...row });
      this.rows.push({
        kind: "text",
        text: " ".repeat(Math.max(0, this.columns - rightWidth)) + right,
        ...row,
      });
    }
    return this;
  }

  rule(char: "-" | "=" = "-"): this {
    this.rows.push({ kind: "rule", char });
    return this;
  }

  blank(): this {
    this.rows.push({ kind: "blank" });
    return this;
  }

  code(symbology: "qr" | "code128", data: string): this {
    this.rows.push({ kind: "code", symbology, data });
    return this;
  }

  build(): Layout {
    return { columns: this.columns, rows: this.rows };
  }
}

export function requireColumns(columns: number): number {
  if (!Number.isInteger(columns) || columns < MIN_COLUMNS || columns > MAX_COLUMNS) {
    throw new RangeError(
      `A receipt is ${MIN_COLUMNS} to ${MAX_COLUMNS} columns wide (32 for 58 mm paper, 48 for 80 mm), not ${columns}.`,
    );
  }
  return columns;
}

/** Plain text of a layout, one line per row; codes are left to the printer. */
export function renderLayoutText(layout: Layout): string {
  const lines: string[] = [];
  for (const row of layout.rows) {
    if (row.kind === "text") lines.push(row.text);
    else if (row.kind === "rule") lines.push(row.char.repeat(layout.columns));
    else if (row.kind === "blank") lines.push("");
  }
  return `${lines.join("\n")}\n`;
}

function lineRows(b: LayoutBuilder, line: ReceiptLine, doc: ReceiptDoc, labels: ReceiptLabels): void {
  const money = (minor: number): string => formatAmount(minor, doc.currency, doc.locale, "none");
  const beforeDiscount = line.totalMinor + line.discountMinor;
  const single = line.qtyMilli === 1000 && line.unit === "each";
  if (single) {
    b.pair(line.name, money(beforeDiscount));
  } else {
    b.text(line.name);
    const unit = line.unit === "each" ? "" : ` ${labels.units[line.unit]}`;
    const qty = `${formatQuantity(line.qtyMilli, doc.locale)}${unit} x ${money(line.unitPriceMinor)}`;
    b.pair(qty, money(beforeDiscount), { indent: 2 });
  }
  if (line.discountMinor !== 0) b.pair(labels.discount, money(-line.discountMinor), { indent: 2 });
  if (line.serial !== undefined) b.indented(`${labels.serial} ${line.serial}`, 2);
  if (line.lot !== undefined || line.expiry !== undefined) {
    const lot = line.lot === undefined ? [] : [labels.lot, line.lot];
    const expiry = line.expiry === undefined ? [] : [labels.expires, line.expiry];
    b.indented([...lot, ...expiry].join(" "), 2);
  }
}

/** Rows of a receipt for a paper width in columns. */
export function layoutReceipt(doc: ReceiptDoc, options: ReceiptLayoutOptions): Layout {
  const b = new LayoutBuilder(requireColumns(options.columns));
  const labels = receiptLabels(doc.locale);
  const display = options.currencyDisplay ?? "symbol";
  const money = (minor: number): string => formatAmount(minor, doc.currency, doc.locale, "none");
  const withCurrency = (minor: number): string => formatAmount(minor, doc.currency, doc.locale, display);
  const copyMark = `*** ${labels.copy} ***`;
  const trainingMark = `*** ${labels.training} ***`;

  b.center(doc.store.name, { bold: true, tall: true });
  for (const line of doc.store.addressLines) b.center(line);
  if (doc.store.taxId !== undefined) b.center(doc.store.taxId);
  if (doc.copy) b.blank().center(copyMark, { bold: true });
  if (doc.training) b.blank().center(trainingMark, { bold: true });
  if (doc.kind === "refund") b.blank().center(labels.refund, { bold: true });
  b.rule();
  b.pair(`${labels.receiptNo} ${doc.receiptNo}`, formatDateTime(doc.at, doc.timeZone));
  const who = doc.cashierName === undefined ? "" : `${labels.cashier}: ${doc.cashierName}`;
  const till = doc.tillId === undefined ? "" : `${labels.till}: ${doc.tillId}`;
  if (who !== "" || till !== "") b.pair(who, till);
  b.rule();

  for (const line of doc.lines) lineRows(b, line, doc, labels);
  b.rule();

  b.pair(labels.subtotal, money(doc.subtotalMinor));
  if (doc.discountMinor !== 0) b.pair(labels.discount, money(-doc.discountMinor));
  for (const promotion of doc.promotions ?? []) {
    b.pair(promotion.name, money(-promotion.discountMinor), { indent: 2 });
  }
  if (!doc.pricesIncludeTax && doc.taxMinor !== 0) b.pair(labels.tax, money(doc.taxMinor));
  b.pair(labels.total, withCurrency(doc.totalMinor), { bold: true, tall: true });
  if (doc.cashRoundingMinor !== 0) {
    const sign = doc.cashRoundingMinor > 0 ? "+" : "-";
    b.pair(labels.cashRounding, `${sign}${money(Math.abs(doc.cashRoundingMinor))}`);
    b.pair(labels.amountDue, withCurrency(doc.totalMinor + doc.cashRoundingMinor), { bold: true });
  }
  for (const tender of doc.tenders) {
    b.pair(tender.label ?? tenderLabel(labels, tender.type), money(tender.amountMinor));
  }
  if (doc.changeMinor > 0) b.pair(labels.change, withCurrency(doc.changeMinor), { bold: true });

  if (doc.taxes.length > 0) {
    b.rule();
    if (doc.pricesIncludeTax) b.text(labels.taxIncluded);
    for (const tax of doc.taxes) {
      const left = `${labels.tax} ${formatRate(tax.rate, doc.locale)} ${labels.taxBase} ${money(tax.baseMinor)}`;
      b.pair(left, money(tax.taxMinor));
    }
  }
  if (doc.cardSlipLines.length > 0) {
    b.rule();
    for (const line of doc.cardSlipLines) b.text(line);
  }
  b.rule();
  fiscalRows(b, doc, labels);
  for (const line of doc.footerLines) b.center(line);
  if (doc.prizeBarcode !== undefined) b.code("code128", doc.prizeBarcode);
  b.center(labels.thankYou);
  if (doc.copyUrl !== undefined) {
    b.blank().center(labels.copyOnline);
    b.code("qr", doc.copyUrl);
  }
  if (doc.returnCode !== "none") {
    // A Code 128 of the 36-character sale id is wider than the paper: it carries the receipt
    // number, which the returns screen takes as well.
    const returnRef = doc.returnCode === "code128" ? doc.receiptNo : doc.saleId;
    b.blank().code(doc.returnCode, returnRef);
    b.center(returnRef);
    b.center(labels.returnsHint);
  }
  if (doc.copy) b.blank().center(copyMark, { bold: true });
  if (doc.training) b.blank().center(trainingMark, { bold: true });
  return b.build();
}

/**
 * The plain-text receipt: 32 columns for 58 mm paper, 48 for 80 mm. The printer prints the same
 * layout, so what the cashier sees on screen is what the customer gets.
 */
export function renderReceiptText(
  doc: ReceiptDoc,
  columns: number,
  options: Omit<ReceiptLayoutOptions, "columns"> = {},
): string {
  return renderLayoutText(layoutReceipt(doc, { ...options, columns }));
}
