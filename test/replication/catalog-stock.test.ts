/**
 * Head office pushes a product's stock fields (category, variant, packs, minimum and maximum
 * stock) to a real store over NATS, and a partial update keeps the fields it leaves out, at
 * head office and at the store; a pack barcode then rings the pack's eaches at the store.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import type { StoreProcess } from "../support/store-process.ts";
import { type Chain, startChain } from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

setDefaultTimeout(120_000);

interface StockFields {
  priceMinor: number;
  category: string | null;
  variantOf: string | null;
  variant: Record<string, string> | null;
  packs: { barcode?: string; name: string; qty: number }[];
  minStock: number | null;
  maxStock: number | null;
}

function stockFieldsOf(p: StockFields) {
  return {
    category: p.category,
    variantOf: p.variantOf,
    variant: p.variant,
    packs: p.packs,
    minStock: p.minStock,
    maxStock: p.maxStock,
  };
}

let chain: Chain;
let store: StoreProcess;
beforeAll(async () => {
  chain = await startChain({ storeIds: ["S1"], seed: false });
  store = chain.store("S1");
}, 60_000);
afterAll(async () => {
  await chain?.[Symbol.asyncDispose]();
}, 60_000);

async function postHq(body: unknown) {
  const res = await chain.hq.api("/api/v1/products", { method: "POST", body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as StockFields & { error?: { code: string } } };
}

async function atStore(code: string, until: (p: StockFields) => boolean): Promise<StockFields> {
  return waitFor(async () => {
    const res = await store.api(`/api/v1/products/${code}`);
    if (res.status !== 200) return null;
    const p = (await res.json()) as StockFields;
    return until(p) ? p : null;
  }, `${code} at the store`);
}

test("a variant with packs and stock limits reaches the store, and a price-only change keeps them", async () => {
  expect(
    (await postHq({ code: "TEE", name: "T-shirt", priceMinor: 1_500, category: "CLOTHES" })).status,
  ).toBe(200);
  const fields = {
    category: "CLOTHES",
    variantOf: "TEE",
    variant: { size: "L", colour: "red" },
    packs: [{ name: "box", qty: 6, barcode: "5000112637922" }],
    minStock: 12,
    maxStock: 48,
  };
  const created = await postHq({ code: "TEE-L", name: "T-shirt L red", priceMinor: 1_600, ...fields });
  expect(created.status).toBe(200);
  expect(stockFieldsOf(await atStore("TEE-L", () => true))).toEqual(fields);

  const changed = await postHq({ code: "TEE-L", priceMinor: 1_700 });
  expect(stockFieldsOf(changed.body)).toEqual(fields);
  const after = await atStore("TEE-L", (p) => p.priceMinor === 1_700);
  expect(stockFieldsOf(after)).toEqual(fields);

  const scanned = await store.api("/api/v1/products/lookup?code=5000112637922");
  expect(((await scanned.json()) as { qtyMilli: number }).qtyMilli).toBe(6_000);

  const variants = await store.api("/api/v1/products/TEE/variants");
  expect(((await variants.json()) as { variants: { code: string }[] }).variants.map((v) => v.code)).toEqual([
    "TEE-L",
  ]);
});

test("head office refuses a variant of an unknown product and a maximum below the minimum", async () => {
  const orphan = await postHq({ code: "ORPHAN", name: "Orphan", priceMinor: 1, variantOf: "NOPE" });
  expect(orphan.status).toBe(400);
  expect(orphan.body.error?.code).toBe("UNKNOWN_VARIANT_PARENT");
  const limits = await postHq({ code: "LIM", name: "Limits", priceMinor: 1, minStock: 5, maxStock: 1 });
  expect(limits.status).toBe(400);
  expect(limits.body.error?.code).toBe("INVALID_STOCK_LIMITS");
});
