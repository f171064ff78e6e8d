/**
 * Closures in pure terms: the period a closure covers, the days or months it needs closed
 * first, the sum of smaller closures' figures, the record's hash and its printed text.
 */
import type { z } from "zod";
import { canonicalJson } from "./events/canonical-json.ts";
import type {
  closureFiguresSchema,
  closureRecordSchema,
  closureTypeSchema,
} from "./events/closure-events.ts";
import { minorToDecimalString } from "./money.ts";
import { sha256Hex } from "./sha256.ts";

export {
  CLOSURE_TYPES,
  closureFiguresSchema,
  closureRecordSchema,
  closureTypeSchema,
} from "./events/closure-events.ts";

export type ClosureType = z.infer<typeof closureTypeSchema>;
export type ClosureFigures = z.infer<typeof closureFiguresSchema>;
export type ClosureRecord = z.infer<typeof closureRecordSchema>;

export interface ClosurePeriod {
  type: ClosureType;
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  period: string;
  /** First and last business day, inclusive. */
  from: string;
  to: string;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The period of a closure of `type` holding `date` (YYYY-MM-DD). */
export function closurePeriod(type: ClosureType, date: string): ClosurePeriod {
  const year = date.slice(0, 4);
  const month = date.slice(0, 7);
  if (type === "day") return { type, period: date, from: date, to: date };
  if (type === "month") {
    const last = lastDayOfMonth(Number(year), Number(date.slice(5, 7)));
    return { type, period: month, from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
  }
  return { type, period: year, from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The type of the closures a closure of `type` is made of: days for a month, months for a year. */
export function partType(type: ClosureType): ClosureType | null {
  return type === "month" ? "day" : type === "year" ? "month" : null;
}

/** The periods a month (its days) or a year (its months) is made of. */
export function partPeriods(p: ClosurePeriod): string[] {
  if (p.type === "month") {
    const last = Number(p.to.slice(8, 10));
    return Array.from({ length: last }, (_, i) => `${p.period}-${String(i + 1).padStart(2, "0")}`);
  }
  if (p.type === "year")
    return Array.from({ length: 12 }, (_, i) => `${p.period}-${String(i + 1).padStart(2, "0")}`);
  return [];
}

export const NO_FIGURES: ClosureFigures = {
  salesCount: 0,
  returnsCount: 0,
  voidedCount: 0,
  grossMinor: 0,
  discountMinor: 0,
  netMinor: 0,
  taxMinor: 0,
  totalMinor: 0,
  byTender: [],
  byTaxRate: [],
};

/** The figures of several closures added up (a month from its days, a year from its months). */
export function sumFigures(parts: readonly ClosureFigures[]): ClosureFigures {
  const tenders = new Map<string, number>();
  const rates = new Map<string, ClosureFigures["byTaxRate"][number]>();
  const sum = { ...NO_FIGURES };
  for (const f of parts) {
    sum.salesCount += f.salesCount;
    sum.returnsCount += f.returnsCount;
    sum.voidedCount += f.voidedCount;
    sum.grossMinor += f.grossMinor;
    sum.discountMinor += f.discountMinor;
    sum.netMinor += f.netMinor;
    sum.taxMinor += f.taxMinor;
    sum.totalMinor += f.totalMinor;
    for (const t of f.byTender) tenders.set(t.type, (tenders.get(t.type) ?? 0) + t.amountMinor);
    for (const r of f.byTaxRate) {
      const key = `${r.taxClass}\u0000${r.rate}`;
      const line = rates.get(key) ?? { taxClass: r.taxClass, rate: r.rate, baseMinor: 0, taxMinor: 0 };
      line.baseMinor += r.baseMinor;
      line.taxMinor += r.taxMinor;
      rates.set(key, line);
    }
  }
  return {
    ...sum,
    byTender: [...tenders]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, amountMinor]) => ({ type, amountMinor })),
    byTaxRate: sortTaxRates([...rates.values()]),
  };
}

export function sortTaxRates<T extends { taxClass: string; rate: string }>(lines: T[]): T[] {
  return lines.sort(
    (a, b) => a.taxClass.localeCompare(b.taxClass, "en", { numeric: true }) || a.rate.localeCompare(b.rate),
  );
}

/** SHA-256 over the canonical JSON of a closure record without its hash. */
export function closureHash(record: Omit<ClosureRecord, "hash">): string {
  const { hash: _ignored, ...rest } = record as ClosureRecord;
  return sha256Hex(canonicalJson(rest));
}

const TITLES: Record<ClosureType, string> = { day: "Z", month: "Month closure", year: "Year closure" };

/** The closure as printed on a receipt printer (`columns` characters a line, 32 or more). */
export function closureTextLines(c: ClosureRecord, exponent: number, columns = 42): string[] {
  const amount = (minor: number) => minorToDecimalString(minor, exponent);
  const row = (label: string, value: string, indent = 0) =>
    `${" ".repeat(indent)}${label.slice(0, columns - indent - value.length - 1).padEnd(columns - indent - value.length - 1)} ${value}`;
  const f = c.figures;
  const lines = [
    `${TITLES[c.type]} ${c.typeNumber} ${c.period}`,
    `Store ${c.storeId}${c.tillId ? ` till ${c.tillId}` : ""}`,
    `Closure no. ${c.number} at ${c.at.slice(0, 19).replace("T", " ")} UTC`,
    "",
    row("Sales", String(f.salesCount)),
    row("Returns", String(f.returnsCount)),
    row("Voided sales", String(f.voidedCount)),
    row("Gross", amount(f.grossMinor)),
    row("Discounts", amount(-f.discountMinor)),
    row("Net", amount(f.netMinor)),
    row("Tax", amount(f.taxMinor)),
    row(`Total (${c.currency})`, amount(f.totalMinor)),
    "",
    "By tender",
    ...(f.byTender.length === 0
      ? ["  (none)"]
      : f.byTender.map((t) => row(t.type, amount(t.amountMinor), 2))),
    "By tax rate (base / tax)",
    ...(f.byTaxRate.length === 0
      ? ["  (none)"]
      : f.byTaxRate.map((t) =>
          row(`${t.taxClass} ${t.rate}%`, `${amount(t.baseMinor)} / ${amount(t.taxMinor)}`, 2),
        )),
    "",
    row("Grand total", amount(c.grandTotalMinor)),
    `Hash ${c.hash.slice(0, 32)}`,
    `     ${c.hash.slice(32)}`,
  ];
  return lines;
}
