/** Shelf labels: templates, the layout of a label in dots, unit prices (pure). */
export { LabelError, type LabelErrorCode } from "./errors.ts";
export {
  BARCODE_TEXT_DOTS,
  type BarcodeSymbology,
  barcodeModules,
  CELL_HEIGHT_DOTS,
  CELL_WIDTH_DOTS,
  checkTemplateFits,
  type LabelBarcode,
  type LabelData,
  type LabelElement,
  type LabelLayout,
  layoutLabel,
  wrapText,
} from "./layout.ts";
export type { LabelPrinter, OpenLabelPrinter } from "./printer-port.ts";
export {
  BUILT_IN_TEMPLATES,
  DEFAULT_MAX_CHARS,
  findTemplate,
  LABEL_FIELDS,
  type LabelField,
  type LabelFieldName,
  type LabelTemplate,
  type LabelTemplateInput,
  labelFieldSchema,
  labelTemplateSchema,
} from "./template.ts";
export { type UnitPrice, unitPriceOf } from "./unit-price.ts";
