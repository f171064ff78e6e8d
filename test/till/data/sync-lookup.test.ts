/**
 * Catalog sync from a real store process into the till's own SQLite file, and local code
 * resolution over it: PLU, UPC-A, EAN-13, price- and weight-embedded labels, later changes by
 * sequence number, name search, and lookups that keep working with the store gone.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appendCheckDigit, priceCheckDigit } from "../../../src/core/barcode.ts";
import type { TillDataServices } from "../../../src/till/data/index.ts";
import { codeOf } from "../../core/expect-code.ts";
import { CASHIER_PIN, type TillFixture, tillFixture } from "./support/till-fixture.ts";

const UPC_A = "036000291452";
const EAN_13 = "4006381333931";
const RANDOM_WEIGHT = "0020123400000"; // CORE-POS style: a price label's zeroed code, no check digit

/** US price label `2 IIIII P VVVV C`. */
function usPriceLabel(item: string, cents: number): string {
  const value = String(cents).padStart(4, "0");
  return appendCheckDigit(`2${item}${priceCheckDigit(value)}${value}`);
}

const PRODUCTS = [
  { code: "4011", name: "Bananas", priceMinor: 69, soldByWeight: true, taxClass: null },
  { code: "TISSUE", name: "Facial tissues", priceMinor: 249, barcodes: [UPC_A], taxClass: "1" },
  { code: "CHOC", name: "Dark chocolate", priceMinor: 399, barcodes: [EAN_13], taxClass: "1" },
  {
    code: RANDOM_WEIGHT,
    name: "Deli salad",
    priceMinor: 0,
    openPrice: true,
    barcodes: [appendCheckDigit(RANDOM_WEIGHT)],
  },
  { code: "1234", name: "Organic broth", priceMinor: 399 },
];

describe("till catalog sync (US store)", () => {
  let f: TillFixture;
  let till: TillDataServices;

  beforeAll(async () => {
    f = await tillFixture({ products: PRODUCTS });
    // Sync passes only when asked (no waiting for changes): each test counts what one pass fetches.
    till = await f.openTill({ catalogWaitMs: 0 });
  });
  afterAll(async () => {
    await f?.[Symbol.asyncDispose]();
  });

  test("before any log-in the till learns the store id but has no session to sync the catalog with", async () => {
    await till.syncNow();
    expect(till.identity()).toEqual({ storeId: "S1", tillId: "T1" });
    expect(till.status().online).toBe(true);
    expect(codeOf(() => till.lookup("4011"))).toBe("UNKNOWN_CODE");
    expect(f.sent.some((s) => s.path === "/api/v1/products/changes")).toBe(false);
  });

  test("the first log-in syncs settings and the whole catalog", async () => {
    await till.login(CASHIER_PIN);
    await till.syncNow();
    expect(till.lookup("4011").product).toEqual({
      code: "4011",
      name: "Bananas",
      priceMinor: 69,
      taxClass: null,
      department: null,
      soldByWeight: true,
      openPrice: false,
      unit: "kg",
      minAge: null,
    });
    expect(till.settings().currency).toBe("USD");
    expect(till.status().lastSyncAt).not.toBeNull();
  });

  test("UPC-A, its EAN-13 and GTIN-14 forms, and EAN-13 barcodes resolve locally", () => {
    for (const code of [UPC_A, `0${UPC_A}`, `00${UPC_A}`])
      expect(till.lookup(code).product.code).toBe("TISSUE");
    expect(till.lookup(EAN_13).product.name).toBe("Dark chocolate");
  });

  test("a price-embedded label resolves by its zeroed barcode and carries the price", () => {
    const found = till.lookup(usPriceLabel("01234", 1275));
    expect(found.product.name).toBe("Deli salad");
    expect(found.priceMinor).toBe(1275);
    expect(found.qtyMilli).toBeUndefined();
  });

  test("the same label resolves the same way at the store", async () => {
    const label = usPriceLabel("01234", 1275);
    const res = await f.store.api(`/api/v1/products/lookup?code=${label}`);
    const body = (await res.json()) as { product: { code: string }; priceMinor: number };
    expect(body.product.code).toBe(till.lookup(label).product.code);
    expect(body.priceMinor).toBe(1275);
  });

  test("bad check digits and unknown codes are refused with the store's codes", () => {
    const bad = `${UPC_A.slice(0, -1)}${(Number(UPC_A.at(-1)) + 1) % 10}`;
    expect(codeOf(() => till.lookup(bad))).toBe("BAD_CHECK_DIGIT");
    expect(codeOf(() => till.lookup("999999"))).toBe("UNKNOWN_CODE");
    expect(codeOf(() => till.lookup(""))).toBe("INVALID_CODE");
  });

  test("later changes arrive by sequence number: only what changed is fetched", async () => {
    const changesBefore = f.sent.filter((s) => s.path === "/api/v1/products/changes").length;
    const put = (body: object) =>
      f.store.api("/api/v1/products", { method: "POST", body: JSON.stringify(body) }).then((r) => r.status);
    expect(await put({ code: "4011", name: "Bananas", priceMinor: 79, soldByWeight: true })).toBe(200);
    expect(await put({ code: "5000", name: "Oat milk", priceMinor: 289, barcodes: ["012345678905"] })).toBe(
      200,
    );
    expect(await put({ code: "1234", name: "Organic broth", priceMinor: 399, active: false })).toBe(200);
    let notified = 0;
    const stop = till.subscribe(() => notified++);
    await till.syncNow();
    stop();
    expect(till.lookup("4011").product.priceMinor).toBe(79);
    expect(till.lookup("012345678905").product.name).toBe("Oat milk");
    expect(codeOf(() => till.lookup("1234"))).toBe("PRODUCT_INACTIVE");
    expect(notified).toBeGreaterThan(0);
    const changes = f.sent.filter((s) => s.path === "/api/v1/products/changes").slice(changesBefore);
    expect(changes.length).toBe(1);
    expect(Number(new URLSearchParams(changes[0]?.query).get("since"))).toBeGreaterThanOrEqual(
      PRODUCTS.length,
    );
  });

  test("departments arrive with their open-ring limits and ages; a product without its own age has its department's", async () => {
    const post = (path: string, body: unknown) =>
      f.store.api(path, { method: "POST", body: JSON.stringify(body) }).then((r) => r.status);
    expect(await post("/api/v1/departments", { id: "14", name: "BEER", taxClass: "1", minAge: 21 })).toBe(
      200,
    );
    expect(await post("/api/v1/departments", { id: "2", name: "PRODUCE", openRingMaxMinor: 5000 })).toBe(200);
    const ale = { code: "ALE", name: "Pale ale", priceMinor: 299, department: "14" };
    expect(await post("/api/v1/products", ale)).toBe(200);
    expect(await post("/api/v1/products", { code: "CIG", name: "Cigars", priceMinor: 999, minAge: 18 })).toBe(
      200,
    );
    await till.syncNow();
    expect(till.departments()).toEqual([
      {
        id: "2",
        name: "PRODUCE",
        taxClass: null,
        openRing: true,
        openRingMaxMinor: 5000,
        openRingMinMinor: null,
        minAge: null,
      },
      {
        id: "14",
        name: "BEER",
        taxClass: "1",
        openRing: true,
        openRingMaxMinor: null,
        openRingMinMinor: null,
        minAge: 21,
      },
    ]);
    expect(till.lookup("ALE").product.minAge).toBe(21);
    expect(till.lookup("CIG").product.minAge).toBe(18);
    expect(till.lookup("4011").product.minAge).toBeNull();
  });

  test("a serialised product arrives marked: the till asks for its serial", async () => {
    const tv = { code: "TV55", name: "Television", priceMinor: 49_900, serialised: true };
    const res = await f.store.api("/api/v1/products", { method: "POST", body: JSON.stringify(tv) });
    expect(res.status).toBe(200);
    await till.syncNow();
    expect(till.lookup("TV55").product.serialised).toBe(true);
    expect(till.lookup("4011").product.serialised).toBeUndefined();
  });

  test("name search is local, by the start of every word, on-sale items only", () => {
    expect(till.search("ban", 10).map((p) => p.code)).toEqual(["4011"]);
    expect(till.search("DARK choc", 10).map((p) => p.code)).toEqual(["CHOC"]);
    expect(till.search("oat MIL", 10).map((p) => p.code)).toEqual(["5000"]);
    expect(till.search("broth", 10)).toEqual([]);
    expect(till.search("100%", 10)).toEqual([]);
    expect(till.search("d", 10).map((p) => p.name)).toEqual(["Dark chocolate", "Deli salad"]);
    expect(till.search("d", 1)).toHaveLength(1);
  });

  test("a reopened till looks up from its own file while the store is down", async () => {
    await till.close();
    await f.store.stop();
    till = await f.openTill();
    expect(till.lookup("4011").product.priceMinor).toBe(79);
    expect(till.settings().currency).toBe("USD");
    await till.syncNow();
    expect(till.status().online).toBe(false);
    expect(till.status().lastError).toContain("connection refused");
  });
});

describe("till catalog sync (weight labels, FR store)", () => {
  let f: TillFixture;
  let configDir: string;

  beforeAll(async () => {
    configDir = await mkdtemp(join(tmpdir(), "ringup-till-config-"));
    const config = join(configDir, "store.toml");
    await writeFile(config, 'currency = "EUR"\nembeddedBarcodes = "FR"\npricesIncludeTax = true\n');
    f = await tillFixture({
      products: [{ code: "04011", name: "Bananes", priceMinor: 199, soldByWeight: true }],
      storeArgs: ["--config", config],
    });
  });
  afterAll(async () => {
    await f?.[Symbol.asyncDispose]();
    await rm(configDir, { recursive: true, force: true });
  });

  test("a weight-embedded label resolves with the store's layout and carries the weight", async () => {
    const till = await f.openTill();
    await till.login(CASHIER_PIN);
    await till.syncNow();
    expect(till.settings().embeddedBarcodes).toBe("FR");
    const found = till.lookup(appendCheckDigit("250401100455"));
    expect(found.product.code).toBe("04011");
    expect(found.qtyMilli).toBe(455);
    expect(found.priceMinor).toBeUndefined();
  });
});

describe("till catalog sync (count labels, DE store)", () => {
  let f: TillFixture;
  let configDir: string;

  beforeAll(async () => {
    configDir = await mkdtemp(join(tmpdir(), "ringup-till-config-"));
    const config = join(configDir, "store.toml");
    await writeFile(config, 'currency = "EUR"\nembeddedBarcodes = "DE"\npricesIncludeTax = true\n');
    f = await tillFixture({
      products: [{ code: "4711", name: "Eier", priceMinor: 35 }],
      storeArgs: ["--config", config],
    });
  });
  afterAll(async () => {
    await f?.[Symbol.asyncDispose]();
    await rm(configDir, { recursive: true, force: true });
  });

  test("a count-embedded label gives whole pieces at the till and at the store", async () => {
    const till = await f.openTill();
    await till.login(CASHIER_PIN);
    await till.syncNow();
    // GS1 Germany 25 IIII K VVVVV C: item 4711, 10 pieces
    const label = appendCheckDigit(`254711${priceCheckDigit("00010")}00010`);
    const found = till.lookup(label);
    expect(found.product.code).toBe("4711");
    expect(found).toMatchObject({ qtyMilli: 10_000, qtyKind: "count" });
    expect(found.priceMinor).toBeUndefined();
    const res = await f.store.api(`/api/v1/products/lookup?code=${label}`);
    expect(await res.json()).toMatchObject({
      product: { code: "4711" },
      qty: "10",
      qtyMilli: 10_000,
      qtyKind: "count",
    });
  });
});
