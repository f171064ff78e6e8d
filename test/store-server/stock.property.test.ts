/**
 * Property: any sequence of sales, partial returns, voids and adjustments keeps every
 * product's on hand equal to the sum of its movements (and to a simple model), never lets
 * more come back than was sold, and refunds a fully returned sale exactly its total.
 */
import { expect, test } from "bun:test";
import fc from "fast-check";
import { uuidv7 } from "../../src/core/ids.ts";
import { verifyJournal } from "../../src/store-server/journal/verify.ts";
import { createTestStore, type TestStore } from "../support/store-app.ts";
import { API, onHandMilli, recordPaidSale, seedCatalog, stockMismatches } from "./sales-fixtures.ts";

const CODES = ["A1", "MILK", "BREAD", "BAN"] as const;
type Code = (typeof CODES)[number];

const lineArb = fc.record({
  product: fc.integer({ min: 0, max: CODES.length - 1 }),
  units: fc.integer({ min: 1, max: 4 }),
  grams: fc.integer({ min: 20, max: 1500 }),
});

const commandArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("sale" as const),
      lines: fc.array(lineArb, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("return" as const),
      sale: fc.nat(),
      lines: fc.array(lineArb, { minLength: 1, maxLength: 2 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("void" as const), sale: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("adjust" as const),
      product: fc.integer({ min: 0, max: CODES.length - 1 }),
      units: fc.integer({ min: -5, max: 5 }).filter((n) => n !== 0),
    }),
  },
);
type Command = typeof commandArb extends fc.Arbitrary<infer T> ? T : never;

interface ModelSale {
  id: string;
  totalMinor: number;
  voided: boolean;
  sold: Map<Code, number>;
  returned: Map<Code, number>;
  refundedMinor: number;
}

function qtyMilli(line: { product: number; units: number; grams: number }): { code: Code; milli: number } {
  const code = CODES[line.product] ?? "A1";
  return { code, milli: code === "BAN" ? line.grams : line.units * 1000 };
}

function qtyText(milli: number): string {
  return (milli / 1000).toFixed(3);
}

interface ErrorBody {
  error?: { code: string; details?: { refundMinor?: number } };
  totalMinor?: number;
}

async function run(store: TestStore, commands: Command[]): Promise<void> {
  const sales: ModelSale[] = [];
  const expected = new Map<Code, number>(CODES.map((c) => [c, 0]));
  const move = (code: Code, milli: number) => expected.set(code, (expected.get(code) ?? 0) + milli);

  for (const command of commands) {
    if (command.kind === "sale") {
      const lines = command.lines.map(qtyMilli);
      const sale = await recordPaidSale(
        store,
        lines.map((l) => ({ code: l.code, qty: qtyText(l.milli) })),
      );
      const sold = new Map<Code, number>();
      for (const l of lines) {
        sold.set(l.code, (sold.get(l.code) ?? 0) + l.milli);
        move(l.code, -l.milli);
      }
      sales.push({
        id: sale.id,
        totalMinor: sale.totalMinor,
        voided: false,
        sold,
        returned: new Map(),
        refundedMinor: 0,
      });
    } else if (command.kind === "return") {
      const sale = sales[command.sale % Math.max(1, sales.length)];
      if (!sale) continue;
      const lines = command.lines.map(qtyMilli);
      const asked = new Map<Code, number>();
      for (const l of lines) asked.set(l.code, (asked.get(l.code) ?? 0) + l.milli);
      const notOnSale = [...asked.keys()].some((c) => !sale.sold.has(c));
      const tooMuch = [...asked].some(([c, m]) => m > (sale.sold.get(c) ?? 0) - (sale.returned.get(c) ?? 0));
      const body = {
        originalSaleId: sale.id,
        lines: lines.map((l) => ({ code: l.code, qty: qtyText(l.milli) })),
      };
      const probe = await store.request<ErrorBody>("POST", `${API}/returns`, {
        ...body,
        id: uuidv7(),
        tenders: [{ type: "card", amountMinor: 999_999_999 }],
      });
      // The first line that breaks a rule decides the error; any of these codes is a refusal.
      if (sale.voided) {
        expect(probe.body.error?.code).toBe("SALE_VOIDED");
        continue;
      }
      if (notOnSale || tooMuch) {
        expect(probe.status).toBeGreaterThanOrEqual(400);
        expect(["NOT_ON_SALE", "RETURN_EXCEEDS_SOLD"]).toContain(probe.body.error?.code ?? "");
        continue;
      }
      expect(probe.body.error?.code).toBe("REFUND_TENDER_MISMATCH");
      const refund = probe.body.error?.details?.refundMinor ?? -1;
      const res = await store.request<ErrorBody>("POST", `${API}/returns`, {
        ...body,
        id: uuidv7(),
        tenders: refund > 0 ? [{ type: "card", amountMinor: refund }] : [],
      });
      expect(res.status).toBe(201);
      for (const [c, m] of asked) {
        sale.returned.set(c, (sale.returned.get(c) ?? 0) + m);
        move(c, m);
      }
      sale.refundedMinor += refund;
    } else if (command.kind === "void") {
      const sale = sales[command.sale % Math.max(1, sales.length)];
      if (!sale) continue;
      const res = await store.request<ErrorBody>("POST", `${API}/sales/${sale.id}/void`, {});
      if (sale.voided) {
        expect(res.status).toBe(200);
      } else if (sale.returned.size > 0) {
        expect(res.body.error?.code).toBe("SALE_HAS_RETURNS");
      } else {
        expect(res.status).toBe(200);
        sale.voided = true;
        for (const [c, m] of sale.sold) move(c, m);
      }
    } else {
      const code = CODES[command.product] ?? "A1";
      const res = await store.request("POST", `${API}/stock/adjustments`, {
        code,
        qty: command.units,
        reason: "count",
      });
      expect(res.status).toBe(201);
      move(code, command.units * 1000);
    }
  }

  expect(stockMismatches(store)).toEqual([]);
  expect(verifyJournal(store.ctx.sqlite, store.ctx.storeId).ok).toBe(true);
  for (const code of CODES) expect(onHandMilli(store, code)).toBe(expected.get(code) ?? 0);
  const over = store.ctx.sqlite
    .query<{ n: number }, []>("SELECT count(*) AS n FROM sale_lines WHERE returned_milli > qty_milli")
    .get();
  expect(over?.n).toBe(0);
  for (const sale of sales) {
    const fullyReturned = [...sale.sold].every(([c, m]) => (sale.returned.get(c) ?? 0) === m);
    if (fullyReturned) expect(sale.refundedMinor).toBe(sale.totalMinor);
    else expect(sale.refundedMinor).toBeLessThanOrEqual(sale.totalMinor);
  }
}

test("sales, partial returns, voids and adjustments keep stock equal to its ledger", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 30 }), async (commands) => {
      const store = createTestStore();
      try {
        await seedCatalog(store);
        await run(store, commands);
      } finally {
        store.close();
      }
    }),
    { numRuns: 25 },
  );
}, 120_000);
