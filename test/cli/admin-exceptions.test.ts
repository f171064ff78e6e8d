/**
 * `ringup admin report exceptions` and `ringup admin sales refused` end to end: a real
 * `ringup store` process, a till's sale recorded as rung after a price change, a refused sale a
 * till reported, and the admin CLI run as a process against it.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { runAdmin } from "../support/admin-cli.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";

const admin = (...args: string[]) => runAdmin(store, ...args);

let store: StoreProcess;
let saleId: string;
let receiptNo: string;
const refusedId = uuidv7();
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  store = await startStore();
  await seedProducts(store, [{ code: "MILK", name: "Milk 1l", priceMinor: 199, taxClass: null }]);
  const user = await store.api("/api/v1/users", {
    method: "POST",
    body: JSON.stringify({ name: "Ann", role: "cashier", pin: "1111" }),
  });
  expect(user.status).toBe(201);
  const login = await fetch(`${store.url}/api/v1/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ tillId: "T1", pin: "1111" }),
  });
  const { token } = (await login.json()) as { token: string };
  const quote = (await (
    await store.api("/api/v1/baskets/quote", {
      method: "POST",
      body: JSON.stringify({ lines: [{ code: "MILK" }] }),
    })
  ).json()) as Record<string, unknown> & { totalMinor: number };
  await seedProducts(store, [{ code: "MILK", name: "Milk 1l", priceMinor: 229, taxClass: null }]);
  saleId = uuidv7();
  const sale = await fetch(`${store.url}/api/v1/sales`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({
      ...quote,
      asRung: true,
      id: saleId,
      at: new Date().toISOString(),
      tenders: [{ type: "cash", amountMinor: quote.totalMinor }],
    }),
  });
  expect(sale.status).toBe(201);
  receiptNo = ((await sale.json()) as { receiptNo: string }).receiptNo;
  const report = await fetch(`${store.url}/api/v1/tills/T1/refused-sales`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({
      sales: [
        {
          saleId: refusedId,
          receiptNo: "S1-T1-000099",
          error: "SALE_INCONSISTENT: the sale does not add up",
          totalMinor: 500,
          body: "{}",
        },
      ],
    }),
  });
  expect(report.status).toBe(200);
}, 60_000);
afterAll(async () => {
  await store[Symbol.asyncDispose]();
}, 60_000);

describe("ringup admin report exceptions / sales refused", () => {
  test("lists the sale kept at the price paid, against the catalog's", async () => {
    const run = await admin("report", "exceptions", "--from", today);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Price exceptions");
    expect(run.stdout).toMatch(new RegExp(`${receiptNo}\\s+1\\s+MILK\\s+price\\s+1\\.99\\s+2\\.29`));
    const json = await admin("report", "exceptions", "--from", today, "--json");
    const body = JSON.parse(json.stdout) as { exceptions: { saleId: string; kind: string }[] };
    expect(body.exceptions).toEqual([expect.objectContaining({ saleId, kind: "price" })]);
  });

  test("lists refused till sales with the store's reason", async () => {
    const run = await admin("sales", "refused");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("S1-T1-000099");
    expect(run.stdout).toContain("SALE_INCONSISTENT");
  });

  test("a bad date is a usage error that says what to type", async () => {
    const run = await admin("report", "exceptions", "--from", "yesterday");
    expect(run.code).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain("YYYY-MM-DD");
  });
});
