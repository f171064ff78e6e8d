/**
 * A label in ESC/POS page mode ("label mode" of Epson-compatible label and receipt printers):
 * `ESC L` enters page mode, `ESC W` sets the print area to the label, each field is placed with
 * `ESC $` (across) and `GS $` (down), text in the printer's code pages (as receipts are) at
 * `GS !` size, barcodes with `GS k` (EAN-13, EAN-8, Code 128) and their digits below (`GS H 2`);
 * `FF` prints the page and `GS FF` feeds the next label to the print position.
 */
import type { LabelElement, LabelLayout } from "../../core/labels/index.ts";
import { DEFAULT_CODE_PAGES } from "../escpos/code-pages.ts";
import { ESC, GS, INIT } from "../escpos/commands.ts";
import { type EncoderState, encodeText, pageOrder, preferredCodePage } from "../escpos/text-encoding.ts";

const FF = 0x0c;

const le16 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff];

function barcodeBytes(e: Extract<LabelElement, { kind: "barcode" }>): number[] {
  const { symbology, data } = e.barcode;
  const setup = [GS, 0x48, 2, GS, 0x68, Math.min(255, e.heightDots), GS, 0x77, Math.max(2, e.moduleDots)];
  if (symbology === "code128") {
    const body = [..."{B", ...data].map((c) => c.charCodeAt(0) & 0x7f);
    return [...setup, GS, 0x6b, 73, body.length, ...body];
  }
  const digits = [...(symbology === "ean13" ? data.slice(0, 12) : data.slice(0, 7))].map((c) =>
    c.charCodeAt(0),
  );
  return [...setup, GS, 0x6b, symbology === "ean13" ? 67 : 68, digits.length, ...digits];
}

export function renderEscPosLabels(layouts: readonly LabelLayout[], locale: string): Uint8Array {
  const pages = pageOrder(preferredCodePage(locale), DEFAULT_CODE_PAGES);
  const state: EncoderState = { page: undefined };
  const out: number[] = [...INIT];
  for (const layout of layouts) {
    out.push(
      ESC,
      0x4c,
      ESC,
      0x57,
      ...le16(0),
      ...le16(0),
      ...le16(layout.widthDots),
      ...le16(layout.heightDots),
    );
    for (const e of layout.elements) {
      out.push(ESC, 0x24, ...le16(e.xDots), GS, 0x24, ...le16(e.yDots));
      if (e.kind === "text") {
        const n = e.size - 1;
        out.push(GS, 0x21, (n << 4) | n, ...encodeText(e.text, state, pages));
      } else {
        out.push(...barcodeBytes(e));
      }
    }
    out.push(FF, GS, FF);
  }
  return Uint8Array.from(out);
}
