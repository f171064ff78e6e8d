/**
 * A label in ZPL II (Zebra): `^XA … ^XZ`, UTF-8 text (`^CI28`), each text at `^FO` in the
 * scalable font 0 sized to the layout's character cell, field data hex-escaped with `^FH` so a
 * product name can never carry commands, barcodes with `^BE` (EAN-13), `^B8` (EAN-8) and
 * `^BC` (Code 128), printed with their digits underneath.
 */
import {
  CELL_HEIGHT_DOTS,
  CELL_WIDTH_DOTS,
  type LabelElement,
  type LabelLayout,
} from "../../core/labels/index.ts";

/** `^FH_` escapes: the characters ZPL treats as commands (and the escape itself) as `_hh`. */
export function zplFieldData(text: string): string {
  return text.replace(/[\^~_\\]/g, (c) => `_${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

function element(e: LabelElement): string {
  if (e.kind === "text") {
    const h = CELL_HEIGHT_DOTS * e.size;
    const w = CELL_WIDTH_DOTS * e.size;
    return `^FO${e.xDots},${e.yDots}^A0N,${h},${w}^FH_^FD${zplFieldData(e.text)}^FS`;
  }
  const { symbology, data } = e.barcode;
  const head = `^FO${e.xDots},${e.yDots}^BY${e.moduleDots}`;
  switch (symbology) {
    case "ean13":
      // ^BE takes the 12 digits and adds the check digit itself.
      return `${head}^BEN,${e.heightDots},Y,N^FD${data.slice(0, 12)}^FS`;
    case "ean8":
      return `${head}^B8N,${e.heightDots},Y,N^FD${data.slice(0, 7)}^FS`;
    default:
      return `${head}^BCN,${e.heightDots},Y,N,N^FH_^FD${zplFieldData(data)}^FS`;
  }
}

export function renderZpl(layouts: readonly LabelLayout[]): Uint8Array {
  const labels = layouts.map((layout) =>
    [
      "^XA",
      "^CI28",
      `^PW${layout.widthDots}`,
      `^LL${layout.heightDots}`,
      "^LH0,0",
      ...layout.elements.map(element),
      "^PQ1",
      "^XZ",
    ].join("\n"),
  );
  return new TextEncoder().encode(`${labels.join("\n")}\n`);
}
