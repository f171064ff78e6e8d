/**
 * Shapes shared by the catalog file parsers: what a parsed file yields (good rows with the
 * line they came from, bad rows with the reason) and the options every parser takes.
 */
import type { DepartmentInput, ProductInput } from "../../api/store/catalog.ts";

export const PRODUCT_FORMATS = ["csv", "corepos"] as const;
export type ImportFormat = (typeof PRODUCT_FORMATS)[number];

/** A row the file could not give: its 1-based line in the file and why, in plain words. */
export interface ImportProblem {
  line: number;
  reason: string;
}

export type ProductRow = ProductInput & { line: number };
export type DepartmentRow = DepartmentInput & { line: number };

export interface ParseResult<Row> {
  rows: Row[];
  errors: ImportProblem[];
  /** Data records seen in the file (good and bad), for progress and summaries. */
  total: number;
}

export interface ParseOptions {
  /** ISO 4217 currency of the store: prices are decimal strings in it ("5.95"). */
  currency: string;
  /** Called every few hundred records and once at the end with (records done, records in the file). */
  onProgress?: (done: number, total: number) => void;
}

/** How often parsers report progress, in records. */
export const PROGRESS_EVERY = 500;

/** A problem with one row, thrown by field readers and turned into an ImportProblem. */
export class RowProblem extends Error {}
