/**
 * A partial product update changes only the fields it names (CONTRACT.md: POST /products is an
 * upsert by code; CSV imports: columns left out change nothing). A price-only change through
 * each path — the store's API, a CSV import with the CLI, and head office pushing to a real
 * store over NATS — keeps every other field of the product.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAdmin } from "../support/admin-cli.ts";
import type { StoreProcess } from "../support/store-process.ts";
import { type Chain, startChain } from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

setDefaultTimeout(120_000);

interface Product {
  code: string;
  name: string;
  barcodes: string[];
  priceMinor: number;
  taxClass: string | null;
  department: string | null;
  soldByWeight: boolean;
  openPrice: boolean;
  costMinor: number | null;
  unit: string;
  active: boolean;
  minAge: number | null;
  serialised: boolean;
}

/** Every field a product has, set away from its default. */
function full(code: string, barcode: string) {
  return {
    code,
    name: `Deli ham ${code}`,
    barcodes: [barcode],
    priceMinor: 1_299,
    taxClass: "2",
    department: "DELI",
    soldByWeight: true,
    openPrice: true,
    costMinor: 801,
    unit: "lb" as const,
    active: true,
    minAge: 21,
    serialised: true,
  };
}

function fieldsOf(p: Product) {
  return {
    code: p.code,
    name: p.name,
    barcodes: p.barcodes,
    priceMinor: p.priceMinor,
    taxClass: p.taxClass,
    department: p.department,
    soldByWeight: p.soldByWeight,
    openPrice: p.openPrice,
    costMinor: p.costMinor,
    unit: p.unit,
    active: p.active,
    minAge: p.minAge,
    serialised: p.serialised,
  };
}

let chain: Chain;
let store: StoreProcess;
let dir = "";
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ringup-partial-"));
  chain = await startChain({ storeIds: ["S1"], seed: false });
  store = chain.store("S1");
}, 60_000);
afterAll(async () => {
  await chain?.[Symbol.asyncDispose]();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

async function post(path: string, body: unknown, target: "store" | "hq" = "store") {
  const server = target === "store" ? store : chain.hq;
  const res = await server.api(path, { method: "POST", body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function storeProduct(code: string): Promise<Product> {
  const res = await store.api(`/api/v1/products/${code}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Product;
}

test("store API: a price-only upsert keeps every other field; a new product needs name and price", async () => {
  const product = full("HAM1", "4006381333931");
  expect((await post("/api/v1/products", product)).status).toBeLessThan(300);
  const changed = await post("/api/v1/products", { code: "HAM1", priceMinor: 1_499 });
  expect(changed.status).toBeLessThan(300);
  expect(fieldsOf(await storeProduct("HAM1"))).toEqual({
    ...product,
    barcodes: ["04006381333931"],
    priceMinor: 1_499,
  });
  const renamed = await post("/api/v1/products", { code: "HAM1", name: "Ham" });
  expect(renamed.status).toBeLessThan(300);
  expect((await storeProduct("HAM1")).priceMinor).toBe(1_499);

  const incomplete = await post("/api/v1/products", { code: "NEW1", priceMinor: 100 });
  expect(incomplete.status).toBe(400);
  const error = incomplete.body.error as { code: string; message: string };
  expect(error.code).toBe("NEW_PRODUCT_INCOMPLETE");
  expect(error.message).toBe(
    'product "NEW1" is new: it needs name (an existing product keeps the fields left out)',
  );
  const bulk = await post("/api/v1/products/bulk", {
    products: [{ code: "HAM1", priceMinor: 1_599 }, { code: "NEW2" }],
  });
  expect(bulk.body.imported).toBe(1);
  expect(JSON.stringify(bulk.body.errors)).toContain(
    'product \\"NEW2\\" is new: it needs name and priceMinor',
  );
  expect(fieldsOf(await storeProduct("HAM1"))).toEqual({
    ...product,
    name: "Ham",
    barcodes: ["04006381333931"],
    priceMinor: 1_599,
  });
});

test("CSV import: a file of code,price changes prices only; the unit column is read", async () => {
  const product = full("HAM2", "036000291452");
  expect((await post("/api/v1/products", product)).status).toBeLessThan(300);
  const prices = join(dir, "prices.csv");
  writeFileSync(prices, "code,price\nHAM2,13.49\n");
  const run = await runAdmin(store, "import", "products", prices);
  expect(run.stderr + run.stdout).not.toContain("line 2");
  expect(run.code).toBe(0);
  expect(fieldsOf(await storeProduct("HAM2"))).toEqual({
    ...product,
    barcodes: ["00036000291452"],
    priceMinor: 1_349,
  });

  const units = join(dir, "units.csv");
  writeFileSync(units, "code,name,price,unit\nOIL,Olive oil,9.99,l\nNEWX,,1.00,\nHAM2,Ham,1,gallon\n");
  const second = await runAdmin(store, "import", "products", units);
  expect(second.stdout).toContain("line 3: name is empty");
  expect(second.stdout).toContain('line 4: unit "gallon" is not one of each, kg, lb, l');
  expect((await storeProduct("OIL")).unit).toBe("l");

  const newOnly = join(dir, "new.csv");
  writeFileSync(newOnly, "code,price\nNOPE,1.00\n");
  const third = await runAdmin(store, "import", "products", newOnly);
  expect(third.stdout).toContain('product "NOPE" is new: it needs name');
});

test("head office: a price-only change keeps the product's fields at HQ and at the store", async () => {
  const product = full("HAM3", "5012345678900");
  const created = await post("/api/v1/products", product, "hq");
  expect(created.status).toBeLessThan(300);
  await waitFor(async () => (await store.api("/api/v1/products/HAM3")).status === 200, "HAM3 at the store");
  const changed = await post("/api/v1/products", { code: "HAM3", priceMinor: 1_199 }, "hq");
  expect(changed.status).toBeLessThan(300);
  expect(fieldsOf(changed.body as unknown as Product)).toEqual({ ...product, priceMinor: 1_199 });
  const atStore = await waitFor(async () => {
    const p = await storeProduct("HAM3");
    return p.priceMinor === 1_199 ? p : null;
  }, "the new price at the store");
  expect(fieldsOf(atStore)).toEqual({ ...product, barcodes: ["05012345678900"], priceMinor: 1_199 });

  const incomplete = await post("/api/v1/products", { code: "HQNEW", priceMinor: 5 }, "hq");
  expect(incomplete.status).toBe(400);
  expect((incomplete.body.error as { code: string }).code).toBe("NEW_PRODUCT_INCOMPLETE");
});
