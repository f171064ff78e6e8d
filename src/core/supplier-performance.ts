/**
 * Supplier performance from a store's (or the chain's) purchasing records: how much of what was
 * ordered arrived (fill rate, by quantity and by value), whether deliveries came by the promised
 * day (on-time rate), how long orders took against the vendor's promised lead time, how the
 * vendor's costs moved, and what it owes back in credits. Pure: the store and head office load
 * the same records from their own tables and get the same figures.
 *
 * Days are the store's local days (the caller turns instants into days in the store's time
 * zone); a period is a range of such days, both ends included, either end open.
 */

/** A purchase order as it now is. */
export interface PerfOrder {
  id: string;
  number: number;
  vendorId: string;
  status: "draft" | "sent" | "partly_received" | "received" | "cancelled";
  /** The instant it was sent, and its local day. */
  sentAt: string | null;
  sentDay: string | null;
  /** The day the vendor promised delivery. */
  expectedAt: string | null;
  lines: readonly { code: string; orderedMilli: number; costMinor: number; receivedMilli: number }[];
}

/** An order as a store keeps it, with the day it was sent in the store's time zone (`dayOf`). */
export function perfOrder(
  order: Pick<PerfOrder, "id" | "number" | "vendorId" | "status" | "sentAt" | "expectedAt">,
  lines: PerfOrder["lines"],
  dayOf: (iso: string) => string,
): PerfOrder {
  const { id, number, vendorId, status, sentAt, expectedAt } = order;
  return {
    id,
    number,
    vendorId,
    status,
    sentAt,
    sentDay: sentAt === null ? null : dayOf(sentAt),
    expectedAt,
    lines,
  };
}

/** A goods receipt from a vendor, against an order or not. */
export interface PerfReceipt {
  id: string;
  orderId: string | null;
  vendorId: string;
  receivedAt: string;
  receivedDay: string;
  lines: readonly { code: string; receivedMilli: number; costMinor: number; landedMinor: number }[];
}

/** One change of a vendor item's cost (`previousCostMinor` null: the item was new). */
export interface PerfCostChange {
  vendorId: string;
  code: string;
  costMinor: number;
  previousCostMinor: number | null;
  source: "manual" | "import" | "invoice";
  refId: string | null;
  at: string;
  day: string;
}

export interface PerfCredit {
  id: string;
  vendorId: string;
  status: "open" | "settled";
  totalMinor: number;
  createdDay: string;
}

export interface PerfVendorItem {
  vendorId: string;
  code: string;
  costMinor: number;
  leadTimeDays: number | null;
}

export interface PerfRecords {
  vendors: readonly { id: string; name: string }[];
  orders: readonly PerfOrder[];
  receipts: readonly PerfReceipt[];
  costChanges: readonly PerfCostChange[];
  credits: readonly PerfCredit[];
  items: readonly PerfVendorItem[];
}

/** Local days, both ends included; an absent end is open. */
export interface Period {
  from?: string | undefined;
  to?: string | undefined;
}

export interface VendorPerformance {
  vendorId: string;
  name: string;
  /** Orders sent in the period and closed (wholly received, or closed short): what fill is measured on. */
  ordersMeasured: number;
  /** Orders sent in the period still waiting for goods. */
  ordersOpen: number;
  fill: {
    orderedMilli: number;
    /** Received, at most what each line ordered (an over-delivery does not fill another line). */
    receivedMilli: number;
    orderedValueMinor: number;
    receivedValueMinor: number;
    /** received ÷ ordered, 4 decimals; null when nothing was measured. */
    byQty: number | null;
    byValue: number | null;
  };
  onTime: {
    /** Receipts in the period against an order with a promised day. */
    receipts: number;
    onTime: number;
    rate: number | null;
  };
  leadTime: {
    /** Orders sent in the period that received goods. */
    orders: number;
    /** Mean days from sending an order to its first receipt (1 decimal). */
    observedDays: number | null;
    /** Mean of each order's promised lead time (the longest of its items'), 1 decimal. */
    promisedDays: number | null;
  };
  costChanges: { count: number; increases: number; decreases: number };
  credits: { count: number; openMinor: number; settledMinor: number };
  /** What the period's receipts cost, landed. */
  purchasedMinor: number;
}

export interface OrderPerformance {
  orderId: string;
  number: number;
  status: PerfOrder["status"];
  sentAt: string | null;
  expectedAt: string | null;
  firstReceiptAt: string | null;
  orderedMilli: number;
  receivedMilli: number;
  observedDays: number | null;
  promisedDays: number | null;
  /** Every receipt by the promised day (null: no promised day or nothing received). */
  onTime: boolean | null;
}

const DAY_MS = 86_400_000;

export function inPeriod(day: string | null, period: Period): boolean {
  if (day === null) return false;
  return (period.from === undefined || day >= period.from) && (period.to === undefined || day <= period.to);
}

function ratio(numerator: number | bigint, denominator: number | bigint, places: number): number | null {
  if (Number(denominator) === 0) return null;
  const scale = 10 ** places;
  return Math.round((Number(numerator) / Number(denominator)) * scale) / scale;
}

/** Exact money of quantity × unit cost, in thousandths of a minor unit. */
function milliMinor(costMinor: number, qtyMilli: number): bigint {
  return BigInt(costMinor) * BigInt(qtyMilli);
}

/** Thousandths of a minor unit to minor units, halves away from zero. */
function toMinor(value: bigint): number {
  return Number((value * 2n + 1000n) / 2000n);
}

function lineLanded(line: PerfReceipt["lines"][number]): bigint {
  return milliMinor(line.costMinor, line.receivedMilli) + BigInt(line.landedMinor) * 1000n;
}

function byVendor<T extends { vendorId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.vendorId);
    if (list) list.push(row);
    else map.set(row.vendorId, [row]);
  }
  return map;
}

function promisedDaysOf(order: PerfOrder, leadTimes: ReadonlyMap<string, number | null>): number | null {
  let longest: number | null = null;
  for (const line of order.lines) {
    const days = leadTimes.get(`${order.vendorId}\u0000${line.code}`) ?? null;
    if (days !== null && (longest === null || days > longest)) longest = days;
  }
  return longest;
}

/** Each sent order of the period with its delivery against its promise. */
export function orderPerformance(records: PerfRecords, period: Period): OrderPerformance[] {
  const leadTimes = new Map(records.items.map((i) => [`${i.vendorId}\u0000${i.code}`, i.leadTimeDays]));
  const receiptsOf = new Map<string, PerfReceipt[]>();
  for (const r of records.receipts) {
    if (r.orderId === null) continue;
    const list = receiptsOf.get(r.orderId) ?? [];
    list.push(r);
    receiptsOf.set(r.orderId, list);
  }
  return records.orders
    .filter((o) => o.sentAt !== null && inPeriod(o.sentDay, period))
    .map((o) => {
      const receipts = [...(receiptsOf.get(o.id) ?? [])].sort((a, b) =>
        a.receivedAt.localeCompare(b.receivedAt),
      );
      const first = receipts[0];
      const sentMs = o.sentAt === null ? null : Date.parse(o.sentAt);
      return {
        orderId: o.id,
        number: o.number,
        status: o.status,
        sentAt: o.sentAt,
        expectedAt: o.expectedAt,
        firstReceiptAt: first?.receivedAt ?? null,
        orderedMilli: o.lines.reduce((s, l) => s + l.orderedMilli, 0),
        receivedMilli: o.lines.reduce((s, l) => s + l.receivedMilli, 0),
        observedDays:
          first && sentMs !== null ? ratio(Date.parse(first.receivedAt) - sentMs, DAY_MS, 1) : null,
        promisedDays: promisedDaysOf(o, leadTimes),
        onTime:
          o.expectedAt === null || receipts.length === 0
            ? null
            : receipts.every((r) => o.expectedAt !== null && r.receivedDay <= o.expectedAt),
      };
    });
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10;
}

/** Each vendor's performance over the period, by vendor id. */
export function supplierPerformance(records: PerfRecords, period: Period): VendorPerformance[] {
  const orders = byVendor(records.orders);
  const receipts = byVendor(records.receipts);
  const costs = byVendor(records.costChanges);
  const credits = byVendor(records.credits);
  const expectedOf = new Map(records.orders.map((o) => [o.id, o.expectedAt]));
  const perOrder = byVendor(
    orderPerformance(records, period).map((p) => ({
      ...p,
      vendorId: records.orders.find((o) => o.id === p.orderId)?.vendorId ?? "",
    })),
  );
  return [...records.vendors]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((vendor) => {
      const sent = (orders.get(vendor.id) ?? []).filter(
        (o) => o.sentAt !== null && o.status !== "cancelled" && inPeriod(o.sentDay, period),
      );
      const measured = sent.filter((o) => o.status === "received");
      let orderedMilli = 0;
      let receivedMilli = 0;
      let orderedValue = 0n;
      let receivedValue = 0n;
      for (const o of measured) {
        for (const l of o.lines) {
          const got = Math.min(l.receivedMilli, l.orderedMilli);
          orderedMilli += l.orderedMilli;
          receivedMilli += got;
          orderedValue += milliMinor(l.costMinor, l.orderedMilli);
          receivedValue += milliMinor(l.costMinor, got);
        }
      }
      const periodReceipts = (receipts.get(vendor.id) ?? []).filter((r) => inPeriod(r.receivedDay, period));
      const promised = periodReceipts.flatMap((r) => {
        const expected = r.orderId === null ? null : (expectedOf.get(r.orderId) ?? null);
        return expected === null ? [] : [r.receivedDay <= expected];
      });
      const onTime = promised.filter(Boolean).length;
      const delivered = (perOrder.get(vendor.id) ?? []).filter((p) => p.observedDays !== null);
      const changes = (costs.get(vendor.id) ?? []).filter(
        (c) => c.previousCostMinor !== null && c.previousCostMinor !== c.costMinor && inPeriod(c.day, period),
      );
      const vendorCredits = (credits.get(vendor.id) ?? []).filter((c) => inPeriod(c.createdDay, period));
      return {
        vendorId: vendor.id,
        name: vendor.name,
        ordersMeasured: measured.length,
        ordersOpen: sent.filter((o) => o.status === "sent" || o.status === "partly_received").length,
        fill: {
          orderedMilli,
          receivedMilli,
          orderedValueMinor: toMinor(orderedValue),
          receivedValueMinor: toMinor(receivedValue),
          byQty: ratio(receivedMilli, orderedMilli, 4),
          byValue: ratio(receivedValue, orderedValue, 4),
        },
        onTime: { receipts: promised.length, onTime, rate: ratio(onTime, promised.length, 4) },
        leadTime: {
          orders: delivered.length,
          observedDays: mean(delivered.map((p) => p.observedDays ?? 0)),
          promisedDays: mean(delivered.flatMap((p) => (p.promisedDays === null ? [] : [p.promisedDays]))),
        },
        costChanges: {
          count: changes.length,
          increases: changes.filter((c) => c.costMinor > (c.previousCostMinor ?? 0)).length,
          decreases: changes.filter((c) => c.costMinor < (c.previousCostMinor ?? 0)).length,
        },
        credits: {
          count: vendorCredits.length,
          openMinor: vendorCredits.filter((c) => c.status === "open").reduce((s, c) => s + c.totalMinor, 0),
          settledMinor: vendorCredits
            .filter((c) => c.status === "settled")
            .reduce((s, c) => s + c.totalMinor, 0),
        },
        purchasedMinor: toMinor(
          periodReceipts.reduce((s, r) => s + r.lines.reduce((t, l) => t + lineLanded(l), 0n), 0n),
        ),
      };
    });
}

export interface VendorCost {
  vendorId: string;
  name: string;
  /** What was bought from the vendor in the period and what it cost, landed. */
  qtyMilli: number;
  paidMinor: number;
  receipts: number;
  /** Landed cost of one unit on average (paid ÷ quantity), rounded; null when nothing was bought. */
  avgUnitCostMinor: number | null;
  /** The vendor item's cost now (null: not in its catalog). */
  currentCostMinor: number | null;
  /** This vendor's quantity at the cheapest vendor's average landed cost. */
  atCheapestMinor: number;
  /** paid − at cheapest: what buying it all at the cheapest would have saved. */
  savingMinor: number;
}

export interface CheapestVendor {
  code: string;
  vendors: VendorCost[];
  /** The vendor with the lowest average landed cost of one unit over the period (null: nothing bought). */
  cheapestVendorId: string | null;
  qtyMilli: number;
  paidMinor: number;
  atCheapestMinor: number;
  savingMinor: number;
}

/**
 * Every vendor's costs paid for a product over the period (landed: line cost plus its share
 * of the invoice's landed cost), the cheapest on average, and what buying everything there
 * would have saved. Vendors that list the product but sold none of it are shown with their
 * current cost.
 */
export function cheapestVendor(code: string, records: PerfRecords, period: Period): CheapestVendor {
  const bought = new Map<string, { qtyMilli: number; paid: bigint; receipts: number }>();
  for (const r of records.receipts) {
    if (!inPeriod(r.receivedDay, period)) continue;
    const lines = r.lines.filter((l) => l.code === code && l.receivedMilli > 0);
    if (lines.length === 0) continue;
    const sum = bought.get(r.vendorId) ?? { qtyMilli: 0, paid: 0n, receipts: 0 };
    for (const l of lines) {
      sum.qtyMilli += l.receivedMilli;
      sum.paid += lineLanded(l);
    }
    sum.receipts += 1;
    bought.set(r.vendorId, sum);
  }
  const current = new Map(records.items.filter((i) => i.code === code).map((i) => [i.vendorId, i.costMinor]));
  const names = new Map(records.vendors.map((v) => [v.id, v.name]));
  let cheapest: { id: string; qtyMilli: number; paid: bigint } | null = null;
  for (const [id, sum] of [...bought].sort(([a], [b]) => a.localeCompare(b))) {
    // paid ÷ qty below the best so far, compared exactly.
    if (cheapest === null || sum.paid * BigInt(cheapest.qtyMilli) < cheapest.paid * BigInt(sum.qtyMilli)) {
      cheapest = { id, ...sum };
    }
  }
  const best = cheapest;
  const atCheapest = (qtyMilli: number): bigint =>
    best === null ? 0n : (BigInt(qtyMilli) * best.paid) / BigInt(best.qtyMilli);
  const ids = [...new Set([...bought.keys(), ...current.keys()])].sort();
  const vendors = ids.map((id): VendorCost => {
    const sum = bought.get(id) ?? { qtyMilli: 0, paid: 0n, receipts: 0 };
    const paidMinor = toMinor(sum.paid);
    const atCheapestMinor = toMinor(atCheapest(sum.qtyMilli));
    return {
      vendorId: id,
      name: names.get(id) ?? id,
      qtyMilli: sum.qtyMilli,
      paidMinor,
      receipts: sum.receipts,
      avgUnitCostMinor: sum.qtyMilli === 0 ? null : toMinor((sum.paid * 1000n) / BigInt(sum.qtyMilli)),
      currentCostMinor: current.get(id) ?? null,
      atCheapestMinor,
      savingMinor: paidMinor - atCheapestMinor,
    };
  });
  const qtyMilli = vendors.reduce((s, v) => s + v.qtyMilli, 0);
  const paidMinor = vendors.reduce((s, v) => s + v.paidMinor, 0);
  const atCheapestMinor = vendors.reduce((s, v) => s + v.atCheapestMinor, 0);
  return {
    code,
    vendors,
    cheapestVendorId: best?.id ?? null,
    qtyMilli,
    paidMinor,
    atCheapestMinor,
    savingMinor: paidMinor - atCheapestMinor,
  };
}
