/**
 * A day's sales broken down by hour (in the store's time zone), by department and by
 * cashier; each sales minus returns, voided sales left out.
 */

import type { CashierLine, DepartmentLine, HourLine } from "../../api/store/reports.ts";
import { wallClock } from "../../core/wall-clock.ts";
import type { StoreContext } from "../context.ts";
import { documentFigures, lineFigures, minus, type SqlSums, ZERO } from "./figures.ts";

interface TimedDoc {
  at: string;
  total: number;
  tax: number;
}

export function byHour(ctx: StoreContext, date: string): HourLine[] {
  const hours: HourLine[] = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    salesCount: 0,
    returnsCount: 0,
    netMinor: 0,
    totalMinor: 0,
  }));
  const timeZone = ctx.settings.timeZone;
  const add = (doc: TimedDoc, sign: 1 | -1) => {
    const line = hours[wallClock(new Date(doc.at), timeZone).hour % 24];
    if (!line) return;
    if (sign === 1) line.salesCount++;
    else line.returnsCount++;
    line.netMinor += sign * (doc.total - doc.tax);
    line.totalMinor += sign * doc.total;
  };
  const docs = (table: "sales" | "returns") =>
    ctx.sqlite
      .query<TimedDoc, [string]>(
        `SELECT at, total_minor AS total, tax_minor AS tax FROM ${table} WHERE day = ?1${
          table === "sales" ? " AND status = 'completed'" : ""
        }`,
      )
      .all(date);
  for (const doc of docs("sales")) add(doc, 1);
  for (const doc of docs("returns")) add(doc, -1);
  return hours;
}

type DeptRow = SqlSums & { department: string | null; n: number };

const SOLD_BY_DEPT = `SELECT l.department AS department, count(*) AS n, sum(l.extended_minor) AS gross,
  sum(l.discount_minor) AS discount, sum(l.tax_minor) AS tax, sum(l.total_minor) AS total
  FROM sales s JOIN sale_lines l ON l.sale_id = s.id
  WHERE s.day = ?1 AND s.status = 'completed' GROUP BY l.department`;
const RETURNED_BY_DEPT = `SELECT l.department AS department, count(*) AS n, sum(l.extended_minor) AS gross,
  sum(l.discount_minor) AS discount, sum(l.tax_minor) AS tax, sum(l.total_minor) AS total
  FROM returns r JOIN return_lines l ON l.return_id = r.id
  WHERE r.day = ?1 GROUP BY l.department`;

export function byDepartment(ctx: StoreContext, date: string): DepartmentLine[] {
  const { pricesIncludeTax } = ctx.settings;
  const names = new Map(
    ctx.sqlite
      .query<{ id: string; name: string }, []>("SELECT id, name FROM departments")
      .all()
      .map((d) => [d.id, d.name] as const),
  );
  const lines = new Map<string | null, DepartmentLine>();
  const line = (department: string | null): DepartmentLine => {
    let found = lines.get(department);
    if (!found) {
      found = {
        department,
        name: department === null ? null : (names.get(department) ?? null),
        lineCount: 0,
        returnLineCount: 0,
        ...ZERO,
      };
      lines.set(department, found);
    }
    return found;
  };
  for (const row of ctx.sqlite.query<DeptRow, [string]>(SOLD_BY_DEPT).all(date)) {
    const l = line(row.department);
    Object.assign(l, lineFigures(row, pricesIncludeTax), { lineCount: row.n });
  }
  for (const row of ctx.sqlite.query<DeptRow, [string]>(RETURNED_BY_DEPT).all(date)) {
    const l = line(row.department);
    Object.assign(l, minus(l, lineFigures(row, pricesIncludeTax)), { returnLineCount: row.n });
  }
  return [...lines.values()].sort(
    (a, b) => b.netMinor - a.netMinor || String(a.department).localeCompare(String(b.department)),
  );
}

type CashierRow = SqlSums & { cashierId: string | null; n: number; voided: number };

const SALES_BY_CASHIER = `SELECT cashier_id AS cashierId,
  sum(status = 'completed') AS n, sum(status = 'voided') AS voided,
  sum(CASE WHEN status = 'completed' THEN subtotal_minor END) AS gross,
  sum(CASE WHEN status = 'completed' THEN discount_minor END) AS discount,
  sum(CASE WHEN status = 'completed' THEN tax_minor END) AS tax,
  sum(CASE WHEN status = 'completed' THEN total_minor END) AS total
  FROM sales WHERE day = ?1 GROUP BY cashier_id`;
const RETURNS_BY_CASHIER = `SELECT cashier_id AS cashierId, count(*) AS n, 0 AS voided,
  sum(subtotal_minor) AS gross, sum(discount_minor) AS discount, sum(tax_minor) AS tax,
  sum(total_minor) AS total FROM returns WHERE day = ?1 GROUP BY cashier_id`;

export function byCashier(ctx: StoreContext, date: string): CashierLine[] {
  const names = new Map(
    ctx.sqlite
      .query<{ id: string; name: string }, []>("SELECT id, name FROM users")
      .all()
      .map((u) => [u.id, u.name] as const),
  );
  const lines = new Map<string | null, CashierLine>();
  const line = (cashierId: string | null): CashierLine => {
    let found = lines.get(cashierId);
    if (!found) {
      found = {
        cashierId,
        name: cashierId === null ? null : (names.get(cashierId) ?? null),
        salesCount: 0,
        voidedCount: 0,
        returnsCount: 0,
        refundedMinor: 0,
        ...ZERO,
      };
      lines.set(cashierId, found);
    }
    return found;
  };
  for (const row of ctx.sqlite.query<CashierRow, [string]>(SALES_BY_CASHIER).all(date)) {
    Object.assign(line(row.cashierId), documentFigures(row), { salesCount: row.n, voidedCount: row.voided });
  }
  for (const row of ctx.sqlite.query<CashierRow, [string]>(RETURNS_BY_CASHIER).all(date)) {
    const l = line(row.cashierId);
    Object.assign(l, minus(l, documentFigures(row)), { returnsCount: row.n, refundedMinor: row.total ?? 0 });
  }
  // By name; sales rung without a cashier last.
  const label = (l: CashierLine) => (l.cashierId === null ? "\uffff" : (l.name ?? l.cashierId));
  return [...lines.values()].sort((a, b) => label(a).localeCompare(label(b)));
}
