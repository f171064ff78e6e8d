/**
 * One month of a real CORE-POS lane (`sampletrans.csv.gz`) as store sales, with the catalog
 * they need (`products.csv` through the store's own CORE-POS importer).
 *
 * A transaction is the rows sharing (date, register_no, emp_no, trans_no). Kept: item rows
 * (trans_type I) in normal status (not voided, refunded or informational) with a real UPC and
 * a positive quantity. Products the month sells are made sellable the way they were sold:
 * active, by weight when a fractional quantity was rung; UPCs missing from the catalog get a
 * minimal product from the transaction row. Open-price items carry the price the cashier rang.
 * Each sale is tendered in cash with a generous amount (change is given back).
 *
 * Sample data for the demo and the benchmarks, not a store feature: the store only lends its
 * catalog importer.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { coreposCode, type ProductRow, parseProducts } from "../store-server/imports/index.ts";

/** The sample data folder: RINGUP_COREPOS_DIR, else `../shared/data/corepos` from the working directory. */
export const COREPOS_DIR = process.env.RINGUP_COREPOS_DIR ?? resolve(process.cwd(), "../shared/data/corepos");

/** Columns of `dtransactions` used here (0-based). */
export const COL = {
  datetime: 0,
  registerNo: 1,
  empNo: 2,
  transNo: 3,
  upc: 4,
  description: 5,
  transType: 6,
  transStatus: 8,
  department: 9,
  quantity: 10,
  unitPrice: 13,
  tax: 16,
  discountType: 21,
  voided: 22,
} as const;

export interface ReplayLine {
  code: string;
  /** Decimal string with at most 3 decimals (kg for weighed items). */
  qty: string;
  /** Only for open-price items: the price the cashier entered. */
  unitPriceMinor?: number;
}

export interface ReplaySale {
  /** CORE-POS key: date/register/employee/transaction number. */
  key: string;
  tillId: string;
  cashierId: string;
  lines: ReplayLine[];
  /** Cash tendered: comfortably more than the sale can cost (tax included). */
  cashMinor: number;
}

export interface CoreposMonth {
  sales: ReplaySale[];
  products: ProductRow[];
  stats: {
    rows: number;
    transactions: number;
    itemRows: number;
    catalogProducts: number;
    adjustedProducts: number;
    minimalProducts: number;
  };
}

export function coreposAvailable(dir = COREPOS_DIR): boolean {
  return existsSync(join(dir, "products.csv")) && existsSync(join(dir, "sampletrans.csv.gz"));
}

function toMinor(decimal: string): number {
  const n = Number(decimal);
  return Number.isFinite(n) ? Math.round(n * 100) : 0;
}

export function toMilli(decimal: string): number {
  const n = Number(decimal);
  return Number.isFinite(n) ? Math.round(n * 1000) : 0;
}

function milliText(milli: number): string {
  const whole = Math.floor(milli / 1000);
  const frac = milli % 1000;
  return frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(3, "0").replace(/0+$/, "")}`;
}

interface ItemRow {
  code: string;
  name: string;
  qtyMilli: number;
  unitPriceMinor: number;
  taxClass: string | null;
  department: string | null;
}

/** An item row of a normal sale (not voided, refunded or informational) with a real UPC and a positive quantity. */
export function isKeptItem(r: readonly string[]): boolean {
  const status = (r[COL.transStatus] ?? "").trim();
  return (
    r[COL.transType] === "I" &&
    status === "" &&
    (r[COL.voided] ?? "0") === "0" &&
    /^\d{13}$/.test(r[COL.upc] ?? "") &&
    !/^0+$/.test(r[COL.upc] ?? "") &&
    toMilli(r[COL.quantity] ?? "0") > 0
  );
}

/** The rows of `sampletrans.csv.gz`. */
export async function readTransactions(dir = COREPOS_DIR): Promise<string[][]> {
  const gz = new Uint8Array(await Bun.file(join(dir, "sampletrans.csv.gz")).arrayBuffer());
  return parse(Bun.gunzipSync(gz), { escape: "\\", relax_column_count: true }) as string[][];
}

/** Loads the month: parses both files and derives the catalog and the sales, in time order. */
export async function loadCoreposMonth(dir = COREPOS_DIR): Promise<CoreposMonth> {
  const records = await readTransactions(dir);

  const groups = new Map<string, { first: string; items: ItemRow[] }>();
  let itemRows = 0;
  for (const r of records) {
    const at = r[COL.datetime] ?? "";
    const key = [at.slice(0, 10), r[COL.registerNo], r[COL.empNo], r[COL.transNo]].join("/");
    let group = groups.get(key);
    if (!group) {
      group = { first: at, items: [] };
      groups.set(key, group);
    }
    if (at < group.first) group.first = at;
    if (!isKeptItem(r)) continue;
    itemRows++;
    const tax = (r[COL.tax] ?? "0").trim();
    const department = (r[COL.department] ?? "").trim();
    group.items.push({
      code: coreposCode(r[COL.upc] ?? ""),
      name: (r[COL.description] ?? "").trim().slice(0, 60) || (r[COL.upc] ?? ""),
      qtyMilli: toMilli(r[COL.quantity] ?? "0"),
      unitPriceMinor: Math.max(0, toMinor(r[COL.unitPrice] ?? "0")),
      taxClass: tax === "1" || tax === "2" ? tax : null,
      department: department === "" || department === "0" ? null : department,
    });
  }

  const catalog = parseProducts(await Bun.file(join(dir, "products.csv")).text(), "corepos", {
    currency: "USD",
  });
  const byCode = new Map(catalog.rows.map((p) => [p.code, { ...p }]));
  const adjusted = new Set<string>();
  let minimal = 0;
  for (const { items } of groups.values()) {
    for (const item of items) {
      let product = byCode.get(item.code);
      if (!product) {
        product = {
          code: item.code,
          name: item.name,
          priceMinor: item.unitPriceMinor,
          taxClass: item.taxClass,
          department: item.department,
          soldByWeight: false,
          line: 0,
        };
        byCode.set(item.code, product);
        minimal++;
      }
      if (product.active === false) {
        product.active = true;
        adjusted.add(item.code);
      }
      if (item.qtyMilli % 1000 !== 0 && !product.soldByWeight) {
        product.soldByWeight = true;
        product.unit = "lb"; // CORE-POS weighs in pounds
        adjusted.add(item.code);
      }
    }
  }

  const ordered = [...groups.entries()]
    .filter(([, g]) => g.items.length > 0)
    .sort(([ka, a], [kb, b]) => (a.first === b.first ? ka.localeCompare(kb) : a.first < b.first ? -1 : 1));
  const sales: ReplaySale[] = ordered.map(([key, g]) => {
    let dueMinor = 0;
    const lines = g.items.map((item): ReplayLine => {
      const product = byCode.get(item.code);
      const open = product?.openPrice === true || product?.priceMinor === 0;
      const unitPriceMinor = open ? item.unitPriceMinor : (product?.priceMinor ?? item.unitPriceMinor);
      dueMinor += Math.ceil((unitPriceMinor * item.qtyMilli) / 1000);
      const line: ReplayLine = { code: item.code, qty: milliText(item.qtyMilli) };
      if (open) line.unitPriceMinor = item.unitPriceMinor;
      return line;
    });
    const [, registerNo, empNo] = key.split("/");
    return {
      key,
      tillId: `L${registerNo ?? "1"}`.replace(/[^A-Za-z0-9_]/g, "_").slice(0, 16),
      cashierId: empNo ?? "0",
      lines,
      cashMinor: Math.ceil(dueMinor * 1.25) + 100,
    };
  });

  return {
    sales,
    products: [...byCode.values()],
    stats: {
      rows: records.length,
      transactions: groups.size,
      itemRows,
      catalogProducts: catalog.rows.length,
      adjustedProducts: adjusted.size,
      minimalProducts: minimal,
    },
  };
}
