/**
 * A label in TSPL/TSPL2 (TSC and many compatible printers): `SIZE`, `GAP`, `CODEPAGE UTF-8`,
 * `CLS`, then `TEXT` in the built-in font "2" (12 × 20 dots, inside the layout's 12 × 24 cell)
 * magnified to the field's size, `BARCODE` with `EAN13`, `EAN8` or `128` and its digits printed
 * underneath, and `PRINT 1`. A double quote in a text is written `\["]`, as TSPL2 reads it.
 */
import type { LabelElement, LabelLayout } from "../../core/labels/index.ts";

export function tsplString(text: string): string {
  return `"${text.replace(/[\r\n]/g, " ").replaceAll('"', '\\["]')}"`;
}

const SYMBOLOGY = { ean13: "EAN13", ean8: "EAN8", code128: "128" } as const;

function element(e: LabelElement): string {
  if (e.kind === "text") return `TEXT ${e.xDots},${e.yDots},"2",0,${e.size},${e.size},${tsplString(e.text)}`;
  const { symbology, data } = e.barcode;
  const digits = symbology === "ean13" ? data.slice(0, 12) : symbology === "ean8" ? data.slice(0, 7) : data;
  return `BARCODE ${e.xDots},${e.yDots},"${SYMBOLOGY[symbology]}",${e.heightDots},1,0,${e.moduleDots},${e.moduleDots},${tsplString(digits)}`;
}

export function renderTspl(layouts: readonly LabelLayout[]): Uint8Array {
  const out: string[] = [];
  for (const layout of layouts) {
    out.push(
      `SIZE ${layout.widthMm} mm,${layout.heightMm} mm`,
      `GAP ${layout.gapMm} mm,0 mm`,
      "DIRECTION 0",
      "CODEPAGE UTF-8",
      "CLS",
      ...layout.elements.map(element),
      "PRINT 1,1",
    );
  }
  return new TextEncoder().encode(`${out.join("\r\n")}\r\n`);
}
