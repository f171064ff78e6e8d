/**
 * Lays a label out in printer dots: each template field becomes a text run or a barcode at a
 * place, whatever the printer's language. A template whose fields run off the label is refused
 * naming the field (before any product is read), and so is a product whose price or barcode
 * is longer than its field: a label is never printed with a cut price.
 */
import { LabelError } from "./errors.ts";
import { DEFAULT_MAX_CHARS, type LabelField, type LabelFieldName, type LabelTemplate } from "./template.ts";

/** The character cell at size 1, in dots. */
export const CELL_WIDTH_DOTS = 12;
export const CELL_HEIGHT_DOTS = 24;
/** Room for the digits printed under a barcode. */
export const BARCODE_TEXT_DOTS = 24;

export type BarcodeSymbology = "ean13" | "ean8" | "code128";

export interface LabelBarcode {
  symbology: BarcodeSymbology;
  /** EAN: every digit, the check digit included; Code 128: printable ASCII. */
  data: string;
}

/** What one product's label says, already formatted in the store's language and currency. */
export interface LabelData {
  code: string;
  name: string;
  price: string;
  unitPrice?: string;
  promotion?: string;
  date: string;
  barcode?: LabelBarcode;
}

export type LabelElement =
  | { kind: "text"; field: LabelFieldName; xDots: number; yDots: number; size: number; text: string }
  | {
      kind: "barcode";
      xDots: number;
      yDots: number;
      heightDots: number;
      moduleDots: number;
      barcode: LabelBarcode;
    };

export interface LabelLayout {
  widthDots: number;
  heightDots: number;
  gapDots: number;
  widthMm: number;
  heightMm: number;
  gapMm: number;
  elements: LabelElement[];
}

/** Modules a barcode takes across, its quiet zones included. */
export function barcodeModules(barcode: LabelBarcode): number {
  switch (barcode.symbology) {
    case "ean13":
      return 95 + 18;
    case "ean8":
      return 67 + 14;
    default:
      // Start, data, check and stop symbols of 11 modules (stop 13), 10-module quiet zones.
      return (barcode.data.length + 3) * 11 + 2 + 20;
  }
}

const dots = (mmValue: number, dpmm: number): number => Math.round(mmValue * dpmm);

function fieldLabel(template: LabelTemplate, index: number, field: LabelField): string {
  return `template "${template.name}": field ${index + 1} (${field.field})`;
}

function extent(field: LabelField, dpmm: number, modules: number): { right: number; bottom: number } {
  const x = dots(field.xMm, dpmm);
  const y = dots(field.yMm, dpmm);
  if (field.field === "barcode") {
    return {
      right: x + modules * field.moduleDots,
      bottom: y + dots(field.heightMm, dpmm) + BARCODE_TEXT_DOTS,
    };
  }
  const chars = field.maxChars ?? DEFAULT_MAX_CHARS[field.field];
  return {
    right: x + chars * CELL_WIDTH_DOTS * field.size,
    bottom: y + field.lines * CELL_HEIGHT_DOTS * field.size,
  };
}

function refuseOverflow(
  template: LabelTemplate,
  index: number,
  field: LabelField,
  dpmm: number,
  modules: number,
  product?: string,
): void {
  const { right, bottom } = extent(field, dpmm, modules);
  const widthDots = dots(template.widthMm, dpmm);
  const heightDots = dots(template.heightMm, dpmm);
  const toMm = (d: number): string => (d / dpmm).toFixed(1);
  const what = fieldLabel(template, index, field);
  const forProduct = product === undefined ? "" : ` for product ${product}`;
  const details = { template: template.name, field: field.field, index, product };
  if (right > widthDots) {
    throw new LabelError(
      "LABEL_FIELD_DOES_NOT_FIT",
      `${what}${forProduct} ends ${toMm(right)} mm across, but the label is ${template.widthMm} mm wide; move it left, shorten it or use a wider label`,
      { ...details, endsMm: Number(toMm(right)), labelMm: template.widthMm },
    );
  }
  if (bottom > heightDots) {
    throw new LabelError(
      "LABEL_FIELD_DOES_NOT_FIT",
      `${what}${forProduct} ends ${toMm(bottom)} mm down, but the label is ${template.heightMm} mm high; move it up, make it smaller or use a taller label`,
      { ...details, endsMm: Number(toMm(bottom)), labelMm: template.heightMm },
    );
  }
}

/** Refuses a template that does not fit its own label at this resolution (dots per mm). */
export function checkTemplateFits(template: LabelTemplate, dpmm: number): void {
  template.fields.forEach((field, index) => {
    refuseOverflow(template, index, field, dpmm, barcodeModules({ symbology: "ean13", data: "" }));
  });
}

/** Splits a name into at most `lines` lines of `width` characters, at spaces where it can. */
export function wrapText(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let rest = text.replace(/\s+/g, " ").trim();
  while (rest !== "" && out.length < lines) {
    if (rest.length <= width) {
      out.push(rest);
      rest = "";
      break;
    }
    const last = out.length === lines - 1;
    if (last) {
      out.push(`${rest.slice(0, width - 1)}…`);
      rest = "";
      break;
    }
    const cut = rest.lastIndexOf(" ", width);
    const end = cut > 0 ? cut : width;
    out.push(rest.slice(0, end));
    rest = rest.slice(end).trim();
  }
  return out;
}

function textOf(field: Exclude<LabelFieldName, "barcode">, data: LabelData): string | undefined {
  return field === "unitPrice" ? data.unitPrice : field === "promotion" ? data.promotion : data[field];
}

/** One product's label. */
export function layoutLabel(template: LabelTemplate, dpmm: number, data: LabelData): LabelLayout {
  checkTemplateFits(template, dpmm);
  const elements: LabelElement[] = [];
  template.fields.forEach((field, index) => {
    const xDots = dots(field.xMm, dpmm);
    const yDots = dots(field.yMm, dpmm);
    if (field.field === "barcode") {
      if (data.barcode === undefined) return;
      refuseOverflow(template, index, field, dpmm, barcodeModules(data.barcode), data.code);
      elements.push({
        kind: "barcode",
        xDots,
        yDots,
        heightDots: dots(field.heightMm, dpmm),
        moduleDots: field.moduleDots,
        barcode: data.barcode,
      });
      return;
    }
    const text = textOf(field.field, data);
    if (text === undefined || text === "") return;
    const width = field.maxChars ?? DEFAULT_MAX_CHARS[field.field];
    const wraps = field.field === "name" || field.field === "promotion";
    if (!wraps && text.length > width) {
      throw new LabelError(
        "LABEL_FIELD_DOES_NOT_FIT",
        `${fieldLabel(template, index, field)}: "${text}" for product ${data.code} has ${text.length} characters, but the field holds ${width}; widen the field (maxChars) or make its text smaller`,
        { template: template.name, field: field.field, index, product: data.code, text, maxChars: width },
      );
    }
    const lines = wraps ? wrapText(text, width, field.lines) : [text];
    lines.forEach((line, n) => {
      elements.push({
        kind: "text",
        field: field.field,
        xDots,
        yDots: yDots + n * CELL_HEIGHT_DOTS * field.size,
        size: field.size,
        text: line,
      });
    });
  });
  return {
    widthDots: dots(template.widthMm, dpmm),
    heightDots: dots(template.heightMm, dpmm),
    gapDots: dots(template.gapMm, dpmm),
    widthMm: template.widthMm,
    heightMm: template.heightMm,
    gapMm: template.gapMm,
    elements,
  };
}
