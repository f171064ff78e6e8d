/**
 * One business day of the accounting export from the sums a server reads (the store from its
 * own records, head office from the records it ingested), with the daily report's rules: sales
 * minus returns; the tax rows by class and rate, plus a row of class "" and rate "0" for what no
 * tax row holds, so the rows always sum to the totals; tenders as received − change − refunded.
 */
import type { AccountingDay } from "../../api/store/accounting.ts";
import type { StoreSettings } from "../../core/settings.ts";

type Figures = AccountingDay["totals"];
type TenderLine = AccountingDay["tenders"][number];

export interface DocumentSums {
  n: number;
  total: number | null;
  tax: number | null;
}
export interface TaxSums {
  taxClass: string;
  rate: string;
  kind: string;
  base: number;
  tax: number;
}
export interface TenderSums {
  type: string;
  kind: string;
  n: number;
  amount: number;
}

const CASH = "cash";
const zero = (): Figures => ({ netMinor: 0, taxMinor: 0, grossMinor: 0 });
const of = (s: DocumentSums | null | undefined): Figures => {
  const total = s?.total ?? 0;
  const tax = s?.tax ?? 0;
  return { netMinor: total - tax, taxMinor: tax, grossMinor: total };
};

/** Tender lines from sums per type and kind (sale: received, return: refunded) and the change given in cash. */
export function tenderLinesOf(rows: readonly TenderSums[], changeMinor: number): TenderLine[] {
  const lines = new Map<string, TenderLine>();
  const line = (type: string): TenderLine => {
    let found = lines.get(type);
    if (!found) {
      found = { type, count: 0, receivedMinor: 0, changeMinor: 0, refundedMinor: 0, netMinor: 0 };
      lines.set(type, found);
    }
    return found;
  };
  for (const row of rows) {
    const l = line(row.type);
    if (row.kind === "sale") {
      l.count += row.n;
      l.receivedMinor += row.amount;
    } else {
      l.refundedMinor += row.amount;
    }
  }
  if (changeMinor !== 0) line(CASH).changeMinor = changeMinor;
  for (const l of lines.values()) l.netMinor = l.receivedMinor - l.changeMinor - l.refundedMinor;
  return [...lines.values()].sort((a, b) => a.type.localeCompare(b.type));
}

export function accountingDayOf(day: {
  date: string;
  sold: DocumentSums | null | undefined;
  returned: DocumentSums | null | undefined;
  taxRows: readonly TaxSums[];
  tenders: TenderLine[];
  cashMovements: AccountingDay["cashMovements"];
  cogsMinor: number;
  stockDocuments: AccountingDay["stockDocuments"];
}): AccountingDay {
  const sales = of(day.sold);
  const refunds = of(day.returned);
  const rows = new Map<string, AccountingDay["taxes"][number]>();
  for (const r of day.taxRows) {
    const key = `${r.taxClass}\u0000${r.rate}`;
    const row = rows.get(key) ?? { taxClass: r.taxClass, rate: r.rate, sales: zero(), refunds: zero() };
    const f = r.kind === "sale" ? row.sales : row.refunds;
    f.netMinor += r.base;
    f.taxMinor += r.tax;
    f.grossMinor += r.base + r.tax;
    rows.set(key, row);
  }
  const taxes = [...rows.values()].sort(
    (a, b) => a.taxClass.localeCompare(b.taxClass, "en", { numeric: true }) || a.rate.localeCompare(b.rate),
  );
  const rest = (total: Figures, pick: (t: (typeof taxes)[number]) => Figures): Figures => {
    const r = { ...total };
    for (const t of taxes) {
      r.netMinor -= pick(t).netMinor;
      r.taxMinor -= pick(t).taxMinor;
      r.grossMinor -= pick(t).grossMinor;
    }
    return r;
  };
  const untaxedSales = rest(sales, (t) => t.sales);
  const untaxedRefunds = rest(refunds, (t) => t.refunds);
  if ([untaxedSales, untaxedRefunds].some((f) => f.netMinor !== 0 || f.taxMinor !== 0)) {
    taxes.push({ taxClass: "", rate: "0", sales: untaxedSales, refunds: untaxedRefunds });
  }
  return {
    date: day.date,
    salesCount: day.sold?.n ?? 0,
    returnsCount: day.returned?.n ?? 0,
    taxes,
    totals: {
      netMinor: sales.netMinor - refunds.netMinor,
      taxMinor: sales.taxMinor - refunds.taxMinor,
      grossMinor: sales.grossMinor - refunds.grossMinor,
    },
    tenders: day.tenders,
    cashMovements: day.cashMovements,
    cogsMinor: day.cogsMinor,
    stockDocuments: day.stockDocuments,
  };
}

/** The export's head for a store: its currency, time zone, seller (`[legal]`) and tax classes. */
export function exportHeadOf(
  settings: Pick<StoreSettings, "currency" | "timeZone" | "legal" | "taxClasses">,
) {
  const legal = settings.legal;
  return {
    currency: settings.currency,
    timeZone: settings.timeZone,
    seller: legal
      ? {
          name: legal.name,
          address: legal.address,
          taxId: legal.taxId,
          registration: legal.registration ?? null,
          country: legal.country ?? null,
        }
      : null,
    taxClasses: settings.taxClasses.map((t) => ({ id: t.id, name: t.name, rate: t.rate })),
  };
}
