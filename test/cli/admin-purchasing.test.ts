/**
 * Purchasing end to end on real `ringup store` processes, driven by `ringup admin` as a buyer
 * would: a vendor catalog imported from CSV, an order sent, a partial receipt, an invoice with
 * landed cost and a price rise, a vendor credit, the rest received; stock and its value checked
 * against figures computed by hand under average and FIFO costing.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../../src/core/ids.ts";
import { adminOk, runAdmin } from "../support/admin-cli.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";
import { TEST_TAX_CLASSES } from "../support/tax-classes.ts";

let dir: string;
let average: StoreProcess;
let fifo: StoreProcess;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ringup-purchasing-"));
  const config = join(dir, "fifo.toml");
  await writeFile(
    config,
    `costing = "fifo"\n${TEST_TAX_CLASSES.map((t) => `[[taxClasses]]\nid = "${t.id}"\nname = "${t.name}"\nrate = "${t.rate}"\n`).join("\n")}`,
  );
  await writeFile(
    join(dir, "dairy.csv"),
    "code,vendor_code,case_size,cost_minor,lead_time_days\nMILK,D-100,12,100,2\nEGGS,D-200,6,200,3\n",
  );
  await writeFile(join(dir, "bad.csv"), "code,cost_minor\nMILK,95\nNOPE,10\nEGGS,x\n");
  [average, fifo] = await Promise.all([startStore(), startStore({ args: ["--config", config] })]);
  for (const store of [average, fifo]) {
    await seedProducts(store, [
      { code: "MILK", name: "Milk 1l", priceMinor: 349 },
      { code: "EGGS", name: "Eggs 6", priceMinor: 500 },
    ]);
  }
}, 60_000);
afterAll(async () => {
  await Promise.all([average?.[Symbol.asyncDispose](), fifo?.[Symbol.asyncDispose]()]);
  await rm(dir, { recursive: true, force: true });
}, 60_000);

async function api<T>(store: StoreProcess, method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await store.api(`/api/v1${path}`, init);
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

interface Level {
  onHandMilli: number;
  valueMinor: number;
}

/** The whole flow at one store; answers MILK's and EGGS's stock after it. */
async function purchase(store: StoreProcess): Promise<{ milk: Level; eggs: Level }> {
  const admin = (...args: string[]) => adminOk(store, "--json", ...args);
  await admin(
    "vendors",
    "add",
    "DAIRY",
    "--name",
    "North Dairy",
    "--terms",
    "net 30",
    "--payment-type",
    "bank_transfer",
  );

  const bad = await runAdmin(store, "vendors", "import", "DAIRY", join(dir, "bad.csv"));
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain("line 4: cost_minor");
  const badAtStore = await store.api("/api/v1/vendor-items/import", {
    method: "POST",
    body: JSON.stringify({
      vendorId: "DAIRY",
      items: [
        { line: 2, code: "MILK", costMinor: 95 },
        { line: 3, code: "NOPE", costMinor: 10 },
      ],
    }),
  });
  expect(badAtStore.status).toBe(400);
  expect(await badAtStore.text()).toContain("line 3: code");
  const imported = JSON.parse(await admin("vendors", "import", "DAIRY", join(dir, "dairy.csv")));
  expect(imported).toMatchObject({ imported: 2, added: 2 });

  // Stock already on the shelf, bought earlier at 0.80.
  await api(store, "POST", "/stock/documents", {
    id: uuidv7(),
    type: "receipt",
    post: true,
    lines: [{ code: "MILK", qty: 10, unitCostMinor: 80 }],
  });

  const po = JSON.parse(
    await admin(
      "po",
      "create",
      "--vendor",
      "DAIRY",
      "--line",
      "MILK:20",
      "--line",
      "EGGS:10",
      "--expected",
      "2026-12-10",
      "--send",
    ),
  ) as { id: string; number: number; status: string; totalMinor: number };
  expect(po).toMatchObject({ number: 1, status: "sent", totalMinor: 20 * 100 + 10 * 200 });

  // A first delivery: 12 milk at the order's cost.
  const first = JSON.parse(await admin("po", "receive", po.id, "--line", "MILK:12"));
  expect(first).toMatchObject({ orderStatus: "partly_received" });

  // The invoice for the second delivery: milk up to 1.10, and 0.60 of freight. By value
  // (8 × 110 = 880, 6 × 200 = 1200) the freight splits 25.38 : 34.62 → 25 and 35 (largest
  // remainder); milk costs (880 + 25) / 8 = 113.125 → 113 a unit, eggs (1200 + 35) / 6 → 206.
  const second = await api<{
    id: string;
    lines: { code: string; landedMinor: number; unitCostMinor: number; varianceMilli: number }[];
    orderStatus: string;
  }>(store, "POST", `/purchase-orders/${po.id}/receipts`, {
    id: uuidv7(),
    lines: [
      { code: "MILK", qty: 8, costMinor: 110 },
      { code: "EGGS", qty: 6 },
    ],
    invoice: { number: "INV-77", date: "2026-12-09", landedCostMinor: 60 },
  });
  expect(second.orderStatus).toBe("partly_received");
  expect(second.lines.map((l) => [l.code, l.landedMinor, l.unitCostMinor, l.varianceMilli])).toEqual([
    ["MILK", 25, 113, 0],
    ["EGGS", 35, 206, -4000],
  ]);
  const milkItem = await api<{ items: { costHistory: { costMinor: number; source: string }[] }[] }>(
    store,
    "GET",
    "/vendors/DAIRY/items?code=MILK",
  );
  expect(milkItem.items[0]?.costHistory.map((h) => [h.costMinor, h.source])).toEqual([
    [110, "invoice"],
    [100, "import"],
  ]);

  // One box of eggs arrived broken: a credit on that receipt, tracked until the vendor settles it.
  const nothing = await runAdmin(
    store,
    "credits",
    "add",
    "--vendor",
    "DAIRY",
    "--line",
    "BUTTER:1:damaged:100",
  );
  expect(nothing.code).toBe(1);
  const creditOn = (line: string) => [
    "credits",
    "add",
    "--vendor",
    "DAIRY",
    "--receipt",
    second.id,
    "--line",
    line,
  ];
  const credit = JSON.parse(await admin(...creditOn("EGGS:1:damaged:206"))) as { id: string; status: string };
  expect(credit.status).toBe("open");
  const tooMuch = await runAdmin(store, ...creditOn("EGGS:6:expired:1200"));
  expect(tooMuch.code).toBe(1);
  expect(tooMuch.stderr).toContain("more than the 5 received");

  // The rest: 4 eggs at the order's cost; the order is received.
  const rest = JSON.parse(await admin("po", "receive", po.id)) as { orderStatus: string };
  expect(rest.orderStatus).toBe("received");
  const settled = JSON.parse(await admin("credits", "settle", credit.id, "--reference", "CN-9")) as {
    status: string;
  };
  expect(settled.status).toBe("settled");

  // 15 milk sold.
  await api(store, "POST", "/sales", {
    id: uuidv7(),
    tillId: "T1",
    lines: [{ code: "MILK", qty: 15 }],
    tenders: [{ type: "card", amountMinor: 15 * 349 }],
  });
  const milk = await api<Level>(store, "GET", "/stock?code=MILK");
  const eggs = await api<Level>(store, "GET", "/stock?code=EGGS");
  return { milk, eggs };
}

describe("purchasing end to end", () => {
  test("average costing: 10 @ 80, 12 @ 100, 8 @ 113, then 15 sold", async () => {
    const { milk, eggs } = await purchase(average);
    // 800 + 1200 + 904 = 2904 for 30; 15 sold at 2904 × 15 / 30 = 1452; 1452 left.
    expect([milk.onHandMilli, milk.valueMinor]).toEqual([15_000, 1452]);
    // 6 × 206 + 4 × 200 = 1236 + 800.
    expect([eggs.onHandMilli, eggs.valueMinor]).toEqual([10_000, 2036]);
  }, 60_000);

  test("FIFO costing: the oldest goods go first", async () => {
    const { milk, eggs } = await purchase(fifo);
    // 15 sold: 10 @ 80 and 5 @ 100 (1300); left 7 @ 100 and 8 @ 113: 700 + 904.
    expect([milk.onHandMilli, milk.valueMinor]).toEqual([15_000, 1604]);
    expect([eggs.onHandMilli, eggs.valueMinor]).toEqual([10_000, 2036]);
    const ws = await api<{
      lines: { code: string; onHandMilli: number; onOrderMilli: number; soldMilli: number }[];
    }>(fifo, "GET", "/purchase-orders/worksheet?vendorId=DAIRY");
    expect(ws.lines.map((l) => [l.code, l.onHandMilli, l.onOrderMilli, l.soldMilli])).toEqual([
      ["EGGS", 10_000, 0, 0],
      ["MILK", 15_000, 0, 15_000],
    ]);
  }, 60_000);
});
