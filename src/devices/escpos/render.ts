/**
 * Turns a receipt or shift report into ESC/POS bytes. The layout (columns, alignment, bold,
 * tall rows, codes) comes from core; the command bytes, the code-page commands and the text's
 * bytes in each page from node-thermal-printer (used as a buffer builder; the printer drivers
 * own the transport). Which page prints each character is ours (`textRuns`): the library would
 * pick among every page it knows, not the ones the printer has, in the document's language order.
 */
import { BreakLine, PrinterTypes, ThermalPrinter } from "node-thermal-printer";
import type { ReceiptDoc } from "../../core/receipt.ts";
import type { CurrencyDisplay } from "../../core/receipt-format.ts";
import { formatAmount } from "../../core/receipt-format.ts";
import { type Layout, layoutReceipt } from "../../core/receipt-layout.ts";
import { layoutShiftReport, type ShiftReportDoc } from "../../core/receipt-shift-report.ts";
import { layoutTextSlip, type TextSlipDoc } from "../../core/receipt-text-slip.ts";
import { CODE_PAGES, type CodePageName, DEFAULT_CODE_PAGES } from "./code-pages.ts";
import { INIT, LF } from "./commands.ts";
import { qrCommand } from "./qr.ts";
import {
  canPrintExactly,
  type EncoderState,
  pageOrder,
  preferredCodePage,
  textRuns,
} from "./text-encoding.ts";

export type PrintDocument = ReceiptDoc | ShiftReportDoc | TextSlipDoc;

export interface RenderOptions {
  columns: number;
  /** Code pages the printer has; the document's language picks the first one to use. */
  codePages?: readonly CodePageName[];
  /** Cut the paper at the end (default true). */
  cut?: boolean;
  /** The printer has the QR command GS ( k (default true); else QR codes print as raster images. */
  nativeQr?: boolean;
}

/** CODE128 in node-thermal-printer's printBarcode numbering (GS k 73). */
const CODE128 = 73;

function bytesOf(values: number[] | Uint8Array): Buffer {
  return Buffer.from(values);
}

/** ESC/POS bytes of a laid-out document, text encoded for `pages` (first = preferred). */
export function renderLayout(
  layout: Layout,
  pages: readonly CodePageName[],
  cut = true,
  nativeQr = true,
): Uint8Array {
  const printer = new ThermalPrinter({
    type: PrinterTypes.EPSON,
    interface: "",
    width: layout.columns,
    breakLine: BreakLine.NONE,
  });
  const state: EncoderState = { page: pages[0] };
  const printText = (text: string): void => {
    for (const run of textRuns(text, state, pages)) {
      if (run.select && run.page !== undefined) printer.setCharacterSet(CODE_PAGES[run.page].characterSet);
      printer.print(run.text);
    }
  };
  printer.add(bytesOf(INIT));
  if (state.page !== undefined) printer.setCharacterSet(CODE_PAGES[state.page].characterSet);
  for (const row of layout.rows) {
    switch (row.kind) {
      case "text":
        if (row.tall) printer.setTextDoubleHeight();
        if (row.bold) printer.bold(true);
        printText(row.text);
        printer.add(bytesOf([LF]));
        if (row.bold) printer.bold(false);
        if (row.tall) printer.setTextNormal();
        break;
      case "rule":
        printer.drawLine(row.char);
        break;
      case "blank":
        printer.newLine();
        break;
      case "code":
        printer.alignCenter();
        if (row.symbology === "qr") {
          const moduleSize = layout.columns >= 48 ? 6 : 4;
          printer.add(bytesOf(qrCommand(row.data, { moduleSize, correction: "M", native: nativeQr })));
        } else {
          printer.printBarcode(row.data, CODE128, { hriPos: 0, hriFont: 0, width: 2, height: 80 });
        }
        printer.newLine();
        printer.alignLeft();
        break;
    }
  }
  if (cut) printer.cut();
  return new Uint8Array(printer.getBuffer());
}

/** Symbol when the printer's pages have it ("€" on PC858), else the ISO code ("RUB", "AZN"). */
export function printableCurrencyDisplay(
  currency: string,
  locale: string,
  pages: readonly CodePageName[],
): CurrencyDisplay {
  return canPrintExactly(formatAmount(0, currency, locale, "symbol"), pages) ? "symbol" : "code";
}

export function layoutDocument(doc: PrintDocument, columns: number, pages: readonly CodePageName[]): Layout {
  if (doc.type === "shift-report") return layoutShiftReport(doc, columns);
  if (doc.type === "text-slip") return layoutTextSlip(doc, columns);
  return layoutReceipt(doc, {
    columns,
    currencyDisplay: printableCurrencyDisplay(doc.currency, doc.locale, pages),
  });
}

/** The code pages to use for a document, its language's page first. */
export function pagesFor(
  locale: string,
  allowed: readonly CodePageName[] = DEFAULT_CODE_PAGES,
): CodePageName[] {
  return pageOrder(preferredCodePage(locale), allowed);
}

export function renderDocument(doc: PrintDocument, options: RenderOptions): Uint8Array {
  const pages = pagesFor(doc.locale, options.codePages);
  return renderLayout(
    layoutDocument(doc, options.columns, pages),
    pages,
    options.cut ?? true,
    options.nativeQr ?? true,
  );
}
