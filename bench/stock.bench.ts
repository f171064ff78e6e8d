/**
 * Stock costing at size, in-process on a store's own database (built with synchronous=NORMAL,
 * measured with synchronous=FULL as the store runs, plus one pair of sale commits with NORMAL):
 * - valuation of every product at the end of a day, and margin by department over a month, on a
 *   store of 50,000 products and a year of movements: the sales of the CORE-POS sample month
 *   (sample data) repeated twice a month, their lines spread over the 50,000 products, plus a
 *   receipt of every product each month, costed FIFO as they are generated and written in bulk
 *   straight into SQLite (not through the API);
 * - posting a 500-line goods receipt on that store (through the stock documents' service: the
 *   document, its lines, a costed movement per line, the audit entry and the journal's event);
 * - a 3-line sale's commit on that store: the sale's rows and its stock movements without
 *   costing (the ledger as it was) against the same with FIFO costing (layers read and written).
 * `RINGUP_BENCH_STOCK_REPEATS` sets how many times the month is repeated (default 24); without
 * the sample data, synthetic sales of the same shape are used.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  applyCostMovement,
  type CostingConfig,
  type CostState,
  EMPTY_COST_STATE,
} from "../src/core/costing.ts";
import { storeSettingsSchema } from "../src/core/settings.ts";
import { ADMIN_RIGHTS } from "../src/store-server/auth/tokens.ts";
import { statementsOf } from "../src/store-server/db/statements.ts";
import { openStore } from "../src/store-server/open.ts";
import { CostingReports } from "../src/store-server/stock/costing-reports.ts";
import { StockDocumentService } from "../src/store-server/stock/document-service.ts";
import { moveStock } from "../src/store-server/stock/ledger.ts";
import type { BenchCase, BenchSuite } from "./harness.ts";
import { type MonthSale, monthOfSales } from "./support/spread-month.ts";

const PRODUCTS = 50_000;
const DEPARTMENTS = 40;
const REPEATS = Number(process.env.RINGUP_BENCH_STOCK_REPEATS ?? 24);
const YEAR = 2025;
const FIFO: CostingConfig = { method: "fifo", mode: "half-up" };
const DAY_MS = 86_400_000;

const priceOf = (idx: number) => 99 + ((idx * 37) % 2_000);
const costOf = (idx: number, month: number) => Math.floor(priceOf(idx) * 0.6) + ((idx + month) % 7);

/** Builds the year in the store's database; answers the number of movements written. */
function build(sqlite: import("bun:sqlite").Database, sales: MonthSale[]): number {
  const insProduct = sqlite.prepare(
    "INSERT INTO products (code, name, price_minor, tax_class, department, change_seq, updated_at) VALUES (?, ?, ?, NULL, ?, ?, '2025-01-01T00:00:00.000Z')",
  );
  const insMove = sqlite.prepare(
    "INSERT INTO stock_movements (product_code, qty_milli, kind, ref_id, user_id, at, value_minor, settled_minor, sale_line, on_hand_after_milli, value_after_minor) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)",
  );
  const insSale = sqlite.prepare(
    `INSERT INTO sales (id, receipt_no, till_id, at, day, status, subtotal_minor, discount_minor, tax_minor, total_minor, change_minor, cash_rounding_minor, response)
     VALUES (?, ?, 'T1', ?, ?, 'completed', ?, 0, 0, ?, 0, 0, '{}')`,
  );
  const insLine = sqlite.prepare(
    `INSERT INTO sale_lines (sale_id, line_no, code, name, department, tax_class, qty_milli, unit_price_minor, extended_minor, discount_minor, tax_minor, total_minor)
     VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, 0, 0, ?)`,
  );
  const code = (idx: number) => `P${String(idx).padStart(5, "0")}`;
  const dept = (idx: number) => `D${idx % DEPARTMENTS}`;
  const states: CostState[] = Array.from({ length: PRODUCTS }, () => EMPTY_COST_STATE);
  const onHand = new Array<number>(PRODUCTS).fill(0);
  let movements = 0;
  let saleNo = 0;
  sqlite.transaction(() => {
    for (let i = 0; i < PRODUCTS; i++) insProduct.run(code(i), `Product ${i}`, priceOf(i), dept(i), i + 1);
  })();
  const start = Date.UTC(YEAR, 0, 1);
  const saleGap = (365 * DAY_MS) / (REPEATS * sales.length);
  let t = start;
  for (let r = 0; r < REPEATS; r++) {
    const month = Math.floor((r * 12) / REPEATS);
    sqlite.transaction(() => {
      if ((r * 12) % REPEATS === 0 || REPEATS < 12) {
        // a receipt of every product at the start of its month
        const at = new Date(t).toISOString();
        for (let i = 0; i < PRODUCTS; i++) {
          const qtyMilli = 40_000;
          const step = applyCostMovement(states[i] as CostState, FIFO, {
            kind: "receipt",
            qtyMilli,
            unitCostMinor: costOf(i, month),
            at,
          });
          states[i] = step.state;
          onHand[i] = (onHand[i] ?? 0) + qtyMilli;
          insMove.run(
            code(i),
            qtyMilli,
            "receipt",
            `R${r}`,
            at,
            step.result.valueMinor,
            step.result.settledMinor || null,
            null,
            step.result.onHandMilli,
            step.result.onHandValueMinor,
          );
          movements++;
        }
      }
      for (const s of sales) {
        t += saleGap;
        const at = new Date(t).toISOString();
        const day = at.slice(0, 10);
        const id = `S${saleNo++}`;
        let total = 0;
        s.lines.forEach((l, n) => {
          const c = code(l.idx);
          const price = priceOf(l.idx);
          const extended = Math.round((price * l.qtyMilli) / 1000);
          total += extended;
          insLine.run(id, n + 1, c, `Product ${l.idx}`, dept(l.idx), l.qtyMilli, price, extended, extended);
          const step = applyCostMovement(states[l.idx] as CostState, FIFO, {
            kind: "sale",
            qtyMilli: -l.qtyMilli,
            at,
          });
          states[l.idx] = step.state;
          onHand[l.idx] = (onHand[l.idx] ?? 0) - l.qtyMilli;
          insMove.run(
            c,
            -l.qtyMilli,
            "sale",
            id,
            at,
            step.result.valueMinor,
            null,
            `${id}:${n + 1}`,
            step.result.onHandMilli,
            step.result.onHandValueMinor,
          );
          movements++;
        });
        insSale.run(id, id, at, day, total, total);
      }
    })();
  }
  const insLevel = sqlite.prepare(
    "INSERT INTO stock_levels (product_code, on_hand_milli, backlog_milli, backlog_minor, last_unit_cost_minor) VALUES (?, ?, ?, ?, ?)",
  );
  const insLayer = sqlite.prepare(
    "INSERT INTO stock_layers (product_code, qty_milli, value_minor, received_at) VALUES (?, ?, ?, ?)",
  );
  sqlite.transaction(() => {
    states.forEach((s, i) => {
      insLevel.run(code(i), onHand[i] ?? 0, s.backlogMilli, s.backlogMinor, s.lastUnitCostMinor);
      for (const l of s.layers) insLayer.run(code(i), l.qtyMilli, l.valueMinor, l.receivedAt ?? null);
    });
  })();
  sqlite.exec("ANALYZE");
  return movements;
}

export default async function stockBench(): Promise<BenchSuite> {
  const dir = await mkdtemp(join(tmpdir(), "ringup-bench-stock-"));
  const ctx = openStore(dir, "S1", storeSettingsSchema.parse({ costing: "fifo" }), { synchronous: "NORMAL" });
  const teardown = async () => {
    ctx.sqlite.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const sales = await monthOfSales(PRODUCTS, "stock.bench.ts");
    const t0 = performance.now();
    const movements = build(ctx.sqlite, sales);
    process.stderr.write(
      `bench: stock.bench.ts: ${PRODUCTS.toLocaleString("en")} products, ${movements.toLocaleString("en")} movements built in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
    const reports = new CostingReports(ctx);
    const days = Array.from({ length: 12 }, (_, m) =>
      new Date(Date.UTC(YEAR, m, 15)).toISOString().slice(0, 10),
    );
    let v = 0;
    let m = 0;
    let s = 0;
    const stmts = statementsOf(ctx.db);
    const saleLines = (n: number) =>
      [0, 1, 2].map((k) => `P${String((n * 7919 + k * 104_729) % PRODUCTS).padStart(5, "0")}`);
    const at = () => new Date(Date.UTC(YEAR + 1, 0, 1) + s * 1000).toISOString();
    const insLine = ctx.sqlite.prepare(
      `INSERT INTO sale_lines (sale_id, line_no, code, name, department, tax_class, qty_milli, unit_price_minor, extended_minor, discount_minor, tax_minor, total_minor)
       VALUES (?, ?, ?, 'x', NULL, NULL, 1000, 100, 100, 0, 0, 100)`,
    );
    const insSale = ctx.sqlite.prepare(
      `INSERT INTO sales (id, receipt_no, till_id, at, day, status, subtotal_minor, discount_minor, tax_minor, total_minor, change_minor, cash_rounding_minor, response)
       VALUES (?, ?, 'T1', ?, '2026-01-01', 'completed', 300, 0, 0, 300, 0, 0, '{}')`,
    );
    // Built with synchronous=NORMAL for speed; measured as the store runs (synchronous=FULL),
    // except the pair of sale commits that shows the same comparison without the commit's sync.
    let durability: "NORMAL" | "FULL" = "NORMAL";
    const durable = (mode: "NORMAL" | "FULL") => {
      if (durability !== mode) ctx.sqlite.exec(`PRAGMA synchronous = ${mode}`);
      durability = mode;
    };
    durable("FULL");
    const commit = (costed: boolean, mode: "NORMAL" | "FULL" = "FULL") => {
      durable(mode);
      const id = `B${s++}`;
      const when = at();
      ctx.db.transaction((tx) => {
        insSale.run(id, id, when);
        saleLines(s).forEach((code, k) => {
          insLine.run(id, k + 1, code);
          if (costed) {
            moveStock(
              tx,
              {
                code,
                qtyMilli: -1000,
                kind: "sale",
                refId: id,
                userId: null,
                at: when,
                saleLine: `${id}:${k + 1}`,
              },
              FIFO,
            );
          } else {
            stmts.insertMovement.get(code, -1000, "sale", id, null, null, when, 0, null, null, 0, 0);
            stmts.addToLevel.get(code, -1000);
          }
        });
      });
    };
    const documents = new StockDocumentService(ctx);
    const manager = {
      kind: "admin" as const,
      userId: null,
      role: "admin" as const,
      tillId: null,
      rights: ADMIN_RIGHTS,
    };
    let r = 0;
    const receipt = () => {
      const first = (r++ * 500) % PRODUCTS;
      documents.create(
        {
          id: crypto.randomUUID(),
          type: "receipt",
          post: true,
          lines: Array.from({ length: 500 }, (_, k) => ({
            code: `P${String((first + k) % PRODUCTS).padStart(5, "0")}`,
            qty: 12,
            unitCostMinor: 50 + (k % 40),
          })),
        },
        manager,
      );
    };
    const cases: BenchCase[] = [
      {
        name: `valuation at a day, ${movements.toLocaleString("en")} movements`,
        iterations: 24,
        warmup: 2,
        goal: "p99 < 500 ms",
        run: () => {
          reports.valuation(days[v++ % days.length] as string);
        },
      },
      {
        name: "margin by department, one month",
        iterations: 24,
        warmup: 2,
        goal: "p99 < 500 ms",
        run: () => {
          const month = String((m++ % 12) + 1).padStart(2, "0");
          reports.margin(`${YEAR}-${month}-01`, `${YEAR}-${month}-28`, "department");
        },
      },
      {
        name: "posting a 500-line goods receipt",
        iterations: 40,
        warmup: 3,
        goal: "p99 < 200 ms",
        run: receipt,
      },
      {
        name: "sale commit, 3 lines, stock without costing, synchronous=NORMAL",
        iterations: 3_000,
        run: () => commit(false, "NORMAL"),
      },
      {
        name: "sale commit, 3 lines, FIFO costing, synchronous=NORMAL",
        iterations: 3_000,
        baseline: "sale commit, 3 lines, stock without costing, synchronous=NORMAL",
        run: () => commit(true, "NORMAL"),
      },
      { name: "sale commit, 3 lines, stock without costing", iterations: 3_000, run: () => commit(false) },
      {
        name: "sale commit, 3 lines, FIFO costing",
        iterations: 3_000,
        baseline: "sale commit, 3 lines, stock without costing",
        goal: "≤ 1.3x without",
        run: () => commit(true),
      },
    ];
    return { cases, teardown };
  } catch (err) {
    await teardown();
    throw err;
  }
}
