/**
 * Fault (g): a new store joins and receives the full catalog (its own prices, the users who
 * may work there, its settings) from the catalog stream's snapshot; then, after a day away, it
 * reads only the latest value of what changed, not the history of changes.
 */

import { Database } from "bun:sqlite";
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { join } from "node:path";
import { withTestTaxClasses } from "../support/tax-classes.ts";
import { type Chain, expectExact, giveTestTaxClasses, ringSale, startChain } from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

// Real processes: starting them and waiting for replication takes seconds, not milliseconds.
setDefaultTimeout(120_000);

let chain: Chain;
beforeAll(async () => {
  chain = await startChain({ storeIds: [] });
});
afterAll(async () => {
  await chain?.[Symbol.asyncDispose]();
});

const CATALOG = [
  { code: "A1", name: "Apple juice", priceMinor: 199, taxClass: "1" },
  { code: "MILK", name: "Milk 1l", priceMinor: 349, taxClass: "1" },
  { code: "BREAD", name: "Bread", priceMinor: 275, taxClass: null },
  { code: "CHEESE", name: "Deli cheese", priceMinor: 1_250, taxClass: "2" },
  ...Array.from({ length: 36 }, (_, i) => ({
    code: `P${i}`,
    name: `Product ${i}`,
    priceMinor: 100 + i,
    taxClass: null,
    barcodes: [`4006381${String(333_931 + i).slice(0, 6)}`],
  })),
];

interface Product {
  code: string;
  priceMinor: number;
}

async function storeProducts(storeId: string): Promise<Map<string, Product>> {
  const res = await chain.store(storeId).api("/api/v1/products/changes?since=0&limit=1000");
  const body = (await res.json()) as { products: Product[] };
  return new Map(body.products.map((p) => [p.code, p]));
}

function productEvents(storeId: string): number {
  const db = new Database(join(chain.store(storeId).dataDir, "store.db"), { readonly: true });
  try {
    return (
      db.query<{ n: number }, []>("SELECT count(*) AS n FROM events WHERE type = 'product.upserted'").get()
        ?.n ?? 0
    );
  } finally {
    db.close();
  }
}

test("(g) a new store bootstraps the current catalog, then resumes without replaying history", async () => {
  const hq = chain.hq;
  for (const [storeId, name] of [
    ["S1", "High street"],
    ["S3", "Shop S3"],
  ] as const) {
    await hq.json("/api/v1/stores", { method: "POST", body: JSON.stringify({ storeId, name }) });
    await giveTestTaxClasses(hq, storeId);
  }
  await hq.json("/api/v1/products/bulk", {
    method: "POST",
    body: JSON.stringify({ products: CATALOG, strict: true }),
  });
  await hq.json("/api/v1/prices", {
    method: "PUT",
    body: JSON.stringify({ code: "MILK", priceMinor: 399, storeId: "S3" }),
  });
  await hq.json("/api/v1/prices", {
    method: "PUT",
    body: JSON.stringify({ code: "BREAD", priceMinor: 299 }),
  });
  await hq.json("/api/v1/users", {
    method: "POST",
    body: JSON.stringify({ name: "Chain cashier", role: "cashier", pin: "4821" }),
  });
  await hq.json("/api/v1/users", {
    method: "POST",
    body: JSON.stringify({ name: "Elsewhere", role: "cashier", pin: "7316", storeIds: ["S1"] }),
  });
  await hq.json("/api/v1/stores/S3/settings", {
    method: "PUT",
    body: JSON.stringify({ ...withTestTaxClasses({ storeName: "Corner shop", currency: "USD" }) }),
  });

  await chain.addStore("S3", { seed: false });
  const products = await waitFor(async () => {
    const p = await storeProducts("S3");
    return p.size === CATALOG.length ? p : null;
  }, "S3 to receive the whole catalog");
  expect(products.get("MILK")?.priceMinor).toBe(399);
  expect(products.get("BREAD")?.priceMinor).toBe(299);
  expect(products.get("P7")?.priceMinor).toBe(107);
  const settings = await waitFor(async () => {
    const s = (await (await chain.store("S3").api("/api/v1/settings")).json()) as { storeName: string };
    return s.storeName === "Corner shop" ? s : null;
  }, "S3 to receive its settings");
  expect(settings.storeName).toBe("Corner shop");
  const users = await waitFor(async () => {
    const body = (await (await chain.store("S3").api("/api/v1/users?includeInactive=true")).json()) as {
      users: { name: string; active: boolean }[];
    };
    return body.users.length >= 2 ? body.users : null;
  }, "S3 to receive the chain's users");
  expect(users.find((u) => u.name === "Chain cashier")?.active).toBe(true);
  expect(users.find((u) => u.name === "Elsewhere")?.active ?? false).toBe(false);

  // A day away: five price changes of one product, one of another.
  await chain.store("S3").stop();
  const eventsBefore = productEvents("S3");
  for (const price of [501, 502, 503, 504, 505]) {
    await hq.json("/api/v1/prices", {
      method: "PUT",
      body: JSON.stringify({ code: "P1", priceMinor: price }),
    });
  }
  await hq.json("/api/v1/prices", { method: "PUT", body: JSON.stringify({ code: "P2", priceMinor: 777 }) });
  await chain.store("S3").restart();
  await waitFor(async () => {
    const p = await storeProducts("S3");
    return p.get("P1")?.priceMinor === 505 && p.get("P2")?.priceMinor === 777;
  }, "S3 to catch up with the latest prices");
  // Only the latest value of each changed product was applied: two changes, not six.
  expect(productEvents("S3") - eventsBefore).toBe(2);

  for (let i = 0; i < 8; i++) await ringSale(chain.store("S3"), i);
  await expectExact(chain);
});
