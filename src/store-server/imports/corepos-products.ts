/**
 * CORE-POS `products.csv` (no header, 48 quoted columns in the order of CORE-POS's `products`
 * table, ProductsModel): upc, description, brand, formatted_name, normal_price, pricemethod,
 * groupprice, quantity, special_price, specialpricemethod, specialgroupprice,
 * specialquantity, special_limit, start_date, end_date, department, size, tax, foodstamp,
 * scale, scaleprice, mixmatchcode, created, modified, batchID, tareweight, discount,
 * discounttype, line_item_discountable, unitofmeasure, wicable, qttyEnforced, idEnforced,
 * cost, special_cost, received_cost, inUse, numflag, subdept, deposit, local, … , id.
 *
 * Mapping (docs/import-formats.md):
 * - code: the UPC without its leading zeros when that leaves at most 6 digits (a PLU such as
 *   4011), otherwise the 13-character UPC;
 * - barcode: the 13-character UPC plus its GS1 check digit, i.e. the GTIN-14 a scanned UPC-A
 *   or EAN-13 normalises to. Random-weight `002…` rows keep their zeroed UPC, which is what a
 *   price-embedded scan resolves to once its price digits are zeroed;
 * - normal_price 0: open price (entered at the till); negative: a bad row;
 * - scale 1: sold by weight, priced by the pound (lb); tax 0/1/2: no tax class / "1" / "2"; inUse 0: inactive;
 * - idEnforced: the customer's minimum age (21, 18…), 0 none.
 * - foodstamp 1: SNAP-eligible (`snapEligible`, paid with EBT);
 * - deposit (the UPC of the deposit product, 0 = none): `depositCode`, when it names a product of
 *   the same file.
 */
import { appendCheckDigit } from "../../core/barcode.ts";
import { readCsvRecords } from "./csv-records.ts";
import {
  byLine,
  checkProduct,
  dropRepeatedBarcodes,
  dropRepeats,
  readCost,
  readMinAge,
  readPrice,
  readRow,
} from "./fields.ts";
import {
  type ImportProblem,
  type ParseOptions,
  type ParseResult,
  PROGRESS_EVERY,
  type ProductRow,
  RowProblem,
} from "./model.ts";

export const COREPOS_PRODUCT_COLUMNS = 48;

/** Positions of the columns this importer reads (0-based, ProductsModel order). */
export const COREPOS_COLUMN = {
  upc: 0,
  description: 1,
  brand: 2,
  formattedName: 3,
  normalPrice: 4,
  department: 15,
  tax: 17,
  scale: 19,
  idEnforced: 32,
  cost: 33,
  inUse: 36,
  foodstamp: 18,
  deposit: 39,
} as const;

const TAX_CLASSES: Readonly<Record<string, string | null>> = { "0": null, "1": "1", "2": "2" };

/** The product code for a CORE-POS UPC: a PLU when short, else the 13-character UPC. */
export function coreposCode(upc: string): string {
  const stripped = upc.replace(/^0+/, "");
  return stripped.length > 0 && stripped.length <= 6 ? stripped : upc;
}

/** The deposit column: the deposit product's UPC as a number, 0 for none. */
function depositOf(text: string): { depositCode?: string } {
  if (!/^\d{1,13}$/.test(text) || /^0+$/.test(text)) return {};
  return { depositCode: coreposCode(text.padStart(13, "0")) };
}

function productFrom(fields: readonly string[], line: number, options: ParseOptions): ProductRow {
  if (fields.length !== COREPOS_PRODUCT_COLUMNS) {
    throw new RowProblem(
      `has ${fields.length} columns; a CORE-POS products.csv row has ${COREPOS_PRODUCT_COLUMNS}`,
    );
  }
  const at = (i: number) => (fields[i] ?? "").trim();
  const upc = at(COREPOS_COLUMN.upc);
  if (!/^\d{13}$/.test(upc)) throw new RowProblem(`upc "${upc}" is not 13 digits`);
  if (/^0+$/.test(upc)) throw new RowProblem("upc is all zeros");
  const name = at(COREPOS_COLUMN.formattedName) || at(COREPOS_COLUMN.description) || at(COREPOS_COLUMN.brand);
  if (name === "")
    throw new RowProblem(`upc ${upc} has no name (description, brand and formatted_name are empty)`);
  const priceText = at(COREPOS_COLUMN.normalPrice);
  if (priceText.startsWith("-")) {
    throw new RowProblem(
      `normal_price ${priceText} is negative (a deposit refund or credit); products need a price of 0 or more, refunds go through returns`,
    );
  }
  const priceMinor = readPrice(priceText, "normal_price", options.currency);
  const taxText = at(COREPOS_COLUMN.tax);
  const taxClass = TAX_CLASSES[taxText];
  if (taxClass === undefined) throw new RowProblem(`tax "${taxText}" is not 0, 1 or 2`);
  const scale = at(COREPOS_COLUMN.scale);
  if (scale !== "0" && scale !== "1" && scale !== "") {
    throw new RowProblem(`scale "${scale}" is not 0 or 1`);
  }
  const department = at(COREPOS_COLUMN.department);
  const soldByWeight = scale === "1";
  const costMinor = readCost(at(COREPOS_COLUMN.cost), options.currency);
  const minAge = readMinAge(at(COREPOS_COLUMN.idEnforced), "idEnforced");
  return checkProduct(
    {
      code: coreposCode(upc),
      name,
      barcodes: [appendCheckDigit(upc)],
      priceMinor,
      openPrice: priceMinor === 0,
      taxClass,
      department: department === "" || department === "0" ? null : department,
      soldByWeight,
      // CORE-POS runs US co-ops: its scale items are priced by the pound.
      unit: soldByWeight ? "lb" : "each",
      costMinor: costMinor === 0 ? null : costMinor,
      active: at(COREPOS_COLUMN.inUse) !== "0",
      minAge: minAge === 0 ? null : minAge,
      snapEligible: at(COREPOS_COLUMN.foodstamp) === "1",
      ...depositOf(at(COREPOS_COLUMN.deposit)),
    },
    line,
  );
}

export function parseCoreposProducts(text: string, options: ParseOptions): ParseResult<ProductRow> {
  const { records, errors } = readCsvRecords(text);
  const problems: ImportProblem[] = [...errors];
  const rows: ProductRow[] = [];
  const total = records.length + errors.length;
  records.forEach((record, i) => {
    readRow(record.line, () => productFrom(record.fields, record.line, options), rows, problems);
    if ((i + 1) % PROGRESS_EVERY === 0) options.onProgress?.(i + 1, total);
  });
  options.onProgress?.(total, total);
  const unique = dropRepeatedBarcodes(
    dropRepeats(rows, (r) => r.code, "code", problems),
    problems,
  );
  // A deposit is kept only when it names a product of the file (CORE-POS keeps stale ones).
  const codes = new Set(unique.map((r) => r.code));
  for (const row of unique) if (row.depositCode && !codes.has(row.depositCode)) delete row.depositCode;
  return { rows: unique, errors: byLine(problems), total };
}
