/**
 * The supplier-performance reports as the store and head office answer them, from the same
 * records (`PerfRecords`): every vendor's figures, one vendor's with its orders, cost changes
 * and credits, and the cheapest vendor for a product.
 */
import {
  type CheapestVendor,
  cheapestVendor,
  inPeriod,
  type OrderPerformance,
  orderPerformance,
  type PerfRecords,
  type Period,
  supplierPerformance,
  type VendorPerformance,
} from "./supplier-performance.ts";

interface PeriodEcho {
  from: string | null;
  to: string | null;
}

function echo(period: Period): PeriodEcho {
  return { from: period.from ?? null, to: period.to ?? null };
}

export function vendorsReport(
  records: PerfRecords,
  period: Period,
): PeriodEcho & { vendors: VendorPerformance[] } {
  return { ...echo(period), vendors: supplierPerformance(records, period) };
}

/** Only the records of one vendor (its figures need no one else's). */
function ofVendor(records: PerfRecords, vendorId: string): PerfRecords {
  const mine = <T extends { vendorId: string }>(rows: readonly T[]) =>
    rows.filter((r) => r.vendorId === vendorId);
  return {
    vendors: records.vendors.filter((v) => v.id === vendorId),
    orders: mine(records.orders),
    receipts: mine(records.receipts),
    costChanges: mine(records.costChanges),
    credits: mine(records.credits),
    items: mine(records.items),
  };
}

export interface VendorReportOf extends PeriodEcho {
  vendor: VendorPerformance;
  orders: OrderPerformance[];
  costChanges: {
    code: string;
    at: string;
    previousCostMinor: number | null;
    costMinor: number;
    source: "manual" | "import" | "invoice";
    refId: string | null;
  }[];
  credits: { id: string; status: "open" | "settled"; totalMinor: number; createdDay: string }[];
}

/** One vendor's figures with its orders, cost changes (oldest first) and credits; null for a vendor not in the records. */
export function vendorReport(records: PerfRecords, period: Period, vendorId: string): VendorReportOf | null {
  const own = ofVendor(records, vendorId);
  const [vendor] = supplierPerformance(own, period);
  if (!vendor) return null;
  return {
    ...echo(period),
    vendor,
    orders: orderPerformance(own, period),
    costChanges: own.costChanges
      .filter((c) => inPeriod(c.day, period))
      .sort((a, b) => a.at.localeCompare(b.at))
      .map(({ code, at, previousCostMinor, costMinor, source, refId }) => ({
        code,
        at,
        previousCostMinor,
        costMinor,
        source,
        refId,
      })),
    credits: own.credits
      .filter((c) => inPeriod(c.createdDay, period))
      .map(({ id, status, totalMinor, createdDay }) => ({ id, status, totalMinor, createdDay })),
  };
}

export function cheapestVendorReport(
  records: PerfRecords,
  code: string,
  period: Period,
): PeriodEcho & CheapestVendor {
  return { ...echo(period), ...cheapestVendor(code, records, period) };
}
