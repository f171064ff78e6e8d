/**
 * A small sample chain sent through head office's real ingest path: three stores (S1 prices net,
 * tax on top; S2 and S3 price gross, tax included) selling six products over several days at
 * different hours, by three cashiers and five customers, with voids and partial returns. The
 * catalog gives departments, categories and costs (one product has none).
 */
import {
  type EventPayload,
  type EventType,
  type StoreEvent,
  sealEvent,
  type UnsealedEvent,
} from "../../src/core/events.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import type { HqContext } from "../../src/hq/context.ts";
import { EventIngestor } from "../../src/hq/ingest/index.ts";

interface Product {
  code: string;
  department: string | null;
  category: string | null;
  price: number;
  rate: number;
  cost: number | null;
}

export const SAMPLE_PRODUCTS: readonly Product[] = [
  { code: "A1", department: "D1", category: "C1", price: 199, rate: 0.1, cost: 120 },
  { code: "A2", department: "D1", category: "C2", price: 450, rate: 0.1, cost: 300 },
  { code: "B1", department: "D2", category: "C1", price: 1250, rate: 0.05, cost: 900 },
  { code: "B2", department: "D2", category: null, price: 89, rate: 0, cost: null },
  { code: "C1", department: null, category: "C2", price: 3000, rate: 0.2, cost: 2100 },
  { code: "C2", department: "D3", category: "C3", price: 725, rate: 0.05, cost: 500 },
];

/** Days with sales: a week, the same week a week earlier, and 52 weeks earlier. */
export const SAMPLE_DAYS = [
  "2025-03-03",
  "2025-03-04",
  "2026-02-23",
  "2026-02-24",
  "2026-03-02",
  "2026-03-03",
  "2026-03-04",
  "2026-03-05",
];

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Line = Omit<EventPayload<"sale.completed">["lines"][number], "lineNo">;

function priced(p: Product, qtyMilli: number, discountMinor: number, gross: boolean): Line {
  const extendedMinor = Math.round((p.price * qtyMilli) / 1000);
  const totalMinor = extendedMinor - discountMinor;
  const taxMinor = gross ? Math.round((totalMinor * p.rate) / (1 + p.rate)) : Math.round(totalMinor * p.rate);
  return {
    code: p.code,
    name: `Product ${p.code}`,
    department: p.department,
    taxClass: p.rate === 0 ? null : String(p.rate * 100),
    qtyMilli,
    unitPriceMinor: p.price,
    extendedMinor,
    discountMinor,
    taxMinor,
    totalMinor,
  };
}

function documentTotals(lines: readonly Line[], gross: boolean) {
  const tax = lines.reduce((s, l) => s + l.taxMinor, 0);
  const sum = lines.reduce((s, l) => s + l.totalMinor, 0);
  const taxes = [...new Set(lines.filter((l) => l.taxClass).map((l) => l.taxClass as string))].map((c) => {
    const of = lines.filter((l) => l.taxClass === c);
    return {
      taxClass: c,
      rate: c,
      baseMinor: of.reduce((s, l) => s + (gross ? l.totalMinor - l.taxMinor : l.totalMinor), 0),
      taxMinor: of.reduce((s, l) => s + l.taxMinor, 0),
    };
  });
  return {
    subtotalMinor: lines.reduce((s, l) => s + l.extendedMinor, 0),
    discountMinor: lines.reduce((s, l) => s + l.discountMinor, 0),
    taxMinor: tax,
    totalMinor: gross ? sum : sum + tax,
    taxes,
  };
}

export interface SampleChain {
  stores: string[];
  sales: number;
  voids: number;
  returns: number;
}

/** Adds the catalog and ingests the sample chain's journals; answers what was sent. */
export async function ingestSampleChain(ctx: HqContext, seed = 7): Promise<SampleChain> {
  const stores = ["S1", "S2", "S3"];
  const insertStore = ctx.sqlite.query(
    `INSERT INTO stores (store_id, name, time_zone, currency, nats_user, nats_password_hash, created_at, updated_at)
     VALUES (?1, ?2, 'UTC', 'USD', ?3, '-', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
  );
  for (const storeId of stores) insertStore.run(storeId, `Store ${storeId}`, `store_${storeId}`);
  const insertProduct = ctx.sqlite.query(
    `INSERT INTO hq_products (code, name, barcodes, price_minor, tax_class, department, sold_by_weight, open_price,
      cost_minor, unit, active, created_at, updated_at, category)
     VALUES (?1, ?2, '[]', ?3, NULL, ?4, 0, 0, ?5, 'each', 1, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', ?6)`,
  );
  for (const p of SAMPLE_PRODUCTS) {
    insertProduct.run(p.code, `Product ${p.code}`, p.price, p.department, p.cost, p.category);
  }
  const next = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const ingestor = new EventIngestor(ctx.sqlite, () => new Date("2026-03-06T00:00:00.000Z"));
  const counts: SampleChain = { stores, sales: 0, voids: 0, returns: 0 };
  for (const storeId of stores) {
    const gross = storeId !== "S1";
    const events: UnsealedEvent<EventType>[] = [];
    const add = (type: EventType, at: string, payload: unknown) =>
      events.push({
        id: uuidv7(),
        storeId,
        seq: events.length + 1,
        type,
        version: 1,
        at,
        payload,
        prevHash: null,
      } as UnsealedEvent<EventType>);
    let receipt = 0;
    for (const day of SAMPLE_DAYS) {
      const n = 6 + Math.floor(next() * 6);
      for (let i = 0; i < n; i++) {
        const hour = 8 + Math.floor(next() * 12);
        const at = `${day}T${String(hour).padStart(2, "0")}:${String(10 + i).padStart(2, "0")}:00.000Z`;
        const lines = Array.from({ length: 1 + Math.floor(next() * 4) }, () => {
          const p = pick(SAMPLE_PRODUCTS);
          const qty = p.code === "B2" ? 250 + Math.floor(next() * 2000) : (1 + Math.floor(next() * 3)) * 1000;
          return priced(p, qty, next() < 0.2 ? 10 : 0, gross);
        }).map((l, k) => ({ ...l, lineNo: k + 1 }));
        const totals = documentTotals(lines, gross);
        const saleId = uuidv7();
        const cashierId = pick(["c1", "c2", "c3", null]);
        const customerId = pick(["cu1", "cu2", "cu3", "cu4", "cu5", null, null]);
        receipt++;
        const receiptNo = `${storeId}-T1-${String(receipt).padStart(6, "0")}`;
        add("sale.completed", at, {
          saleId,
          receiptNo,
          tillId: "T1",
          cashierId,
          at,
          day,
          currency: "USD",
          lines,
          ...totals,
          tenders: [{ type: "card", amountMinor: totals.totalMinor }],
          changeMinor: 0,
          cashRoundingMinor: 0,
          customerId,
        });
        counts.sales++;
        const fate = next();
        if (fate < 0.1) {
          add("sale.voided", at, {
            saleId,
            receiptNo,
            tillId: "T1",
            cashierId,
            approvedBy: "sup",
            at,
            reason: "customer left",
            lineCount: lines.length,
            totalMinor: totals.totalMinor,
          });
          counts.voids++;
        } else if (fate < 0.25) {
          const back = lines.slice(0, 1).map((l, k) => ({ ...l, lineNo: k + 1, originalLineNo: l.lineNo }));
          const rt = documentTotals(back, gross);
          receipt++;
          const later = `${day}T21:${String(10 + i).padStart(2, "0")}:00.000Z`;
          add("return.recorded", later, {
            returnId: uuidv7(),
            receiptNo: `${storeId}-T1-${String(receipt).padStart(6, "0")}`,
            originalSaleId: saleId,
            tillId: "T1",
            cashierId: pick(["c1", "c2"]),
            approvedBy: "sup",
            at: later,
            day,
            currency: "USD",
            lines: back,
            ...rt,
            tenders: [{ type: "card", amountMinor: rt.totalMinor }],
            customerId,
          });
          counts.returns++;
        }
      }
    }
    let prevHash: string | null = null;
    const sealed: StoreEvent[] = [];
    for (const e of events) {
      const event: StoreEvent = await sealEvent({ ...e, prevHash });
      sealed.push(event);
      prevHash = event.hash;
    }
    const outcomes = ingestor.ingest(
      sealed.map((event) => ({
        subject: `ringup.v1.store.${storeId}.${event.type}`,
        data: new TextEncoder().encode(JSON.stringify(event)),
      })),
    ).outcomes;
    const refused = outcomes.filter((o) => o !== "applied");
    if (refused.length > 0)
      throw new Error(`sample chain: ${refused.length} events not applied: ${refused[0]}`);
  }
  return counts;
}
