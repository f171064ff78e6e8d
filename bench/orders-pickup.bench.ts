/**
 * The till's pick-up list (`Ctrl+O`) with 500 of today's orders to collect at a real
 * `ringup store` process: what the cashier waits for between the key and the list, the till's
 * data path (`TillServices.ordersToCollect`: the store's `GET /orders?date=` over HTTP, parsed
 * and sorted) and the reducer that puts the list on the screen (`orders.listed`), then typing a
 * name filters it.
 * - cold: the first list a freshly started till asks for (a new till services each sample: a
 *   new connection, nothing cached; measured last, as each new till's log-in ends the last one's
 *   session);
 * - warm: the list asked again and again at a till that has shown it;
 * - filter: what the cashier types (a customer's name) filtering the 500 on screen.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../src/core/ids.ts";
import type { TillDataServices } from "../src/till/data/index.ts";
import type { TillOrder } from "../src/till/services.ts";
import { filterOrders } from "../src/till/state/orders.ts";
import { seedProducts } from "../test/support/store-process.ts";
import { type BenchCase, type BenchSuite, summarise } from "./harness.ts";
import { newTill, startShop } from "./support/till-shop.ts";

const ORDERS = 500;
const COLD = 8;
const GOAL = "p99 < 100 ms";
const CODES = ["PK1", "PK2", "PK3"];

export default async function ordersPickupBench(): Promise<BenchSuite> {
  const closers: (() => Promise<void>)[] = [];
  const store = await startShop(closers);
  await seedProducts(
    store,
    CODES.map((code, i) => ({ code, name: `Pick-up ${i + 1}`, priceMinor: 250 + i * 100, taxClass: null })),
  );
  const received = await store.api("/api/v1/stock/documents", {
    method: "POST",
    body: JSON.stringify({
      id: uuidv7(),
      type: "receipt",
      post: true,
      lines: CODES.map((code) => ({ code, qty: ORDERS * 10, unitCostMinor: 100 })),
    }),
  });
  if (received.status !== 201) throw new Error(`bench: receiving stock failed: ${await received.text()}`);
  const today = new Date().toISOString().slice(0, 10);
  for (let i = 0; i < ORDERS; i++) {
    const res = await store.api("/api/v1/orders", {
      method: "POST",
      body: JSON.stringify({
        id: uuidv7(),
        customerId: `C-${1000 + i}`,
        pickupStore: "S1",
        slot: { date: today, from: "17:00", to: "18:00" },
        lines: CODES.map((code, j) => ({ code, qty: 1 + ((i + j) % 3) })),
        ...(i % 2 === 0 ? { prepaid: [{ type: "card", amountMinor: 500, ref: `shop-${i}` }] } : {}),
      }),
    });
    if (res.status !== 201) throw new Error(`bench: placing order ${i} failed: ${await res.text()}`);
  }
  const dirs: string[] = [];
  const freshTill = async () => {
    const dir = await mkdtemp(join(tmpdir(), "ringup-bench-pickup-"));
    dirs.push(dir);
    const till = await newTill(store, dir, closers);
    await till.login("1234");
    return till;
  };
  const warmTill = await freshTill();
  const list = (till: TillDataServices) => {
    const ask = till.ordersToCollect;
    if (ask === undefined) throw new Error("bench: this till cannot list orders");
    return ask(today);
  };
  const check = (list: TillOrder[]) => {
    if (list.length !== ORDERS)
      throw new Error(`bench: the till listed ${list.length} orders, not ${ORDERS}`);
    return list;
  };
  const shown = check(await list(warmTill));

  const cases: BenchCase[] = [
    {
      name: `pick-up list: warm (${ORDERS} orders)`,
      iterations: 100,
      warmup: 5,
      goal: GOAL,
      run: async () => {
        check(await list(warmTill));
      },
    },
    {
      name: `pick-up list: a name typed filters the ${ORDERS}`,
      iterations: 2_000,
      goal: "p99 < 5 ms",
      run: () => {
        if (filterOrders(shown, "c-14").length === 0) throw new Error("bench: the filter found nothing");
      },
    },
    {
      name: `pick-up list: cold (${ORDERS} orders, first after start)`,
      goal: GOAL,
      measure: async () => {
        const samples: number[] = [];
        const start = performance.now();
        for (let i = 0; i < COLD; i++) {
          const till = await freshTill();
          const t0 = performance.now();
          check(await list(till));
          samples.push(performance.now() - t0);
        }
        return summarise(
          `pick-up list: cold (${ORDERS} orders, first after start)`,
          samples,
          performance.now() - start,
        );
      },
    },
  ];
  return {
    cases,
    teardown: async () => {
      for (const close of closers.reverse()) await close();
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    },
  };
}
