/**
 * Crash safety of the real store process: a burst of concurrent sales, `kill -9` in the middle,
 * restart. Every sale a till saw acknowledged must be there exactly once; a till retrying what
 * it never saw acknowledged records each sale at most once; the journal still verifies; stock
 * agrees with its movements and with what was sold.
 */
import { Database } from "bun:sqlite";
import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { uuidv7 } from "../../src/core/ids.ts";
import { verifyJournal } from "../../src/store-server/journal/verify.ts";
import { seedProducts, startStore } from "../support/store-process.ts";

const PRODUCTS = [
  { code: "1001", name: "Oat milk 1 l", priceMinor: 289, taxClass: "1" },
  { code: "1002", name: "Sourdough loaf", priceMinor: 495 },
  { code: "1003", name: "Free-range eggs 12", priceMinor: 649 },
  { code: "1004", name: "Coffee beans 500 g", priceMinor: 1_299, taxClass: "1" },
  { code: "1005", name: "Bananas", priceMinor: 25 },
];
const SALES = 400;
const CLIENTS = 8;
/** Kill the server once this many sales were acknowledged: well inside the burst. */
const KILL_AFTER_ACKS = 120;

interface SaleRequest {
  id: string;
  tillId: string;
  lines: { code: string; qty: number }[];
  tenders: { type: "cash"; amountMinor: number }[];
}

interface Acknowledged {
  status: number;
  receiptNo: string;
  totalMinor: number;
}

/** A deterministic 3-line sale: three different products, 1 to 4 of each, cash tendered. */
function makeSale(n: number): SaleRequest {
  const lines = [0, 1, 2].map((k) => ({
    code: PRODUCTS[(n + k * 2) % PRODUCTS.length]?.code ?? "1001",
    qty: ((n * 7 + k * 3) % 4) + 1,
  }));
  return {
    id: uuidv7(),
    tillId: `T${(n % CLIENTS) + 1}`,
    lines,
    tenders: [{ type: "cash", amountMinor: 100_000 }],
  };
}

describe("ringup store process: kill -9 during a burst of sales", () => {
  test("acknowledged sales survive exactly once; retries record the rest at most once; stock and journal agree", async () => {
    await using store = await startStore();
    await seedProducts(store, PRODUCTS);

    const sales = Array.from({ length: SALES }, (_, n) => makeSale(n));
    const acknowledged = new Map<string, Acknowledged>();
    let next = 0;
    let killed = false;

    const unexpected: string[] = [];

    const client = async () => {
      while (next < sales.length) {
        const sale = sales[next++];
        if (!sale) break;
        try {
          const res = await store.api("/api/v1/sales", { method: "POST", body: JSON.stringify(sale) });
          const text = await res.text();
          const body = JSON.parse(text) as { id?: string; receiptNo: string; totalMinor: number };
          if ((res.status === 200 || res.status === 201) && body.id === sale.id) {
            acknowledged.set(sale.id, {
              status: res.status,
              receiptNo: body.receiptNo,
              totalMinor: body.totalMinor,
            });
          } else {
            unexpected.push(`sale ${sale.id} answered ${res.status}: ${text}`);
          }
        } catch (err) {
          // Only a dead server may fail to answer.
          if (!killed) unexpected.push(`sale ${sale.id} failed before the kill: ${String(err)}`);
        }
        if (!killed && acknowledged.size >= KILL_AFTER_ACKS) {
          killed = true;
          store.proc.kill("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    await store.kill9();
    expect(unexpected).toEqual([]);
    expect(killed).toBe(true);
    expect(store.proc.signalCode).toBe("SIGKILL");

    const unacknowledged = sales.filter((s) => !acknowledged.has(s.id));
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(unacknowledged.length).toBeGreaterThan(0);

    await store.restart();

    // Every acknowledged sale is there, with the answer the till was given.
    for (const [id, ack] of acknowledged) {
      const res = await store.api(`/api/v1/sales/${id}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { receiptNo: string; totalMinor: number };
      expect({ receiptNo: body.receiptNo, totalMinor: body.totalMinor }).toEqual({
        receiptNo: ack.receiptNo,
        totalMinor: ack.totalMinor,
      });
    }
    const dbFile = join(store.dataDir, "store.db");
    {
      using db = new Database(dbFile, { readonly: true });
      const rows = db.query<{ id: string }, []>("SELECT id FROM sales").all();
      const ids = new Set(rows.map((r) => r.id));
      expect(ids.size).toBe(rows.length);
      for (const id of acknowledged.keys()) expect(ids.has(id)).toBe(true);
      // Nothing but what was sent: committed-but-unanswered sales are the only extras.
      const sent = new Set(sales.map((s) => s.id));
      for (const id of ids) expect(sent.has(id)).toBe(true);
    }

    // The tills retry everything they never saw acknowledged, once.
    let committedBeforeCrash = 0;
    for (const sale of unacknowledged) {
      const res = await store.api("/api/v1/sales", { method: "POST", body: JSON.stringify(sale) });
      expect([200, 201]).toContain(res.status);
      if (res.status === 200) committedBeforeCrash++;
      const body = (await res.json()) as { id: string };
      expect(body.id).toBe(sale.id);
    }
    // A second retry of an acknowledged sale records nothing new either.
    const first = sales.find((s) => acknowledged.has(s.id));
    if (first) {
      const again = await store.api("/api/v1/sales", { method: "POST", body: JSON.stringify(first) });
      expect(again.status).toBe(200);
      expect(((await again.json()) as { receiptNo: string }).receiptNo).toBe(
        acknowledged.get(first.id)?.receiptNo ?? "",
      );
    }
    // The server's own journal check agrees (the route answers the same as verifyJournal).
    const verified = await store.api("/api/v1/journal/verify");
    expect(verified.status).toBe(200);
    expect(await verified.json()).toMatchObject({ ok: true });
    expect(await store.stop()).toBe(0);
    expect(committedBeforeCrash).toBeLessThanOrEqual(CLIENTS);

    using db = new Database(dbFile);
    const count = (sql: string) => db.query<{ n: number }, []>(sql).get()?.n ?? -1;
    expect(count("SELECT COUNT(*) AS n FROM sales")).toBe(SALES);
    expect(count("SELECT COUNT(DISTINCT id) AS n FROM sales")).toBe(SALES);
    expect(count("SELECT COUNT(DISTINCT receipt_no) AS n FROM sales")).toBe(SALES);
    expect(count("SELECT COUNT(*) AS n FROM sale_lines")).toBe(SALES * 3);
    expect(count("SELECT COUNT(*) AS n FROM tenders WHERE doc_kind = 'sale'")).toBe(SALES);
    expect(count("SELECT COUNT(*) AS n FROM events WHERE type = 'sale.completed'")).toBe(SALES);

    const journal = verifyJournal(db, "S1");
    expect(journal.problem).toBeUndefined();
    expect(journal.ok).toBe(true);

    const soldMilli = new Map<string, number>();
    for (const sale of sales) {
      for (const line of sale.lines) {
        soldMilli.set(line.code, (soldMilli.get(line.code) ?? 0) + line.qty * 1000);
      }
    }
    for (const product of PRODUCTS) {
      const onHand = db
        .query<{ v: number }, [string]>("SELECT on_hand_milli AS v FROM stock_levels WHERE product_code = ?")
        .get(product.code)?.v;
      const moved = db
        .query<{ v: number | null }, [string]>(
          "SELECT SUM(qty_milli) AS v FROM stock_movements WHERE product_code = ?",
        )
        .get(product.code)?.v;
      expect({ code: product.code, onHand, moved }).toEqual({
        code: product.code,
        onHand: -(soldMilli.get(product.code) ?? 0),
        moved: -(soldMilli.get(product.code) ?? 0),
      });
    }
  }, 120_000);
});
