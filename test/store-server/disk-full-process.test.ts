/**
 * The store on a real, small tmpfs that fills up: sales are refused with 507 STORAGE_FULL
 * saying what to do, nothing of a refused sale is written (the journal verifies, the counts are
 * those acknowledged), and once the filler is deleted the same process takes sales again
 * (no restart); after a kill -9 every acknowledged sale is still there.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";
import { mountTmpfs, type Tmpfs } from "../support/tmpfs.ts";

const disk = mountTmpfs(8 * 1024 * 1024);
const skipped = "skipped" in disk ? disk.skipped : null;
if (skipped) console.warn(`disk-full tests skipped: ${skipped}`);

interface ErrorAnswer {
  error: { code: string; message: string };
}

/** A sale heavy enough to fill pages quickly (many lines, long audit notes). */
function bigSale() {
  return {
    id: uuidv7(),
    tillId: "T1",
    lines: Array.from({ length: 100 }, (_, i) => ({ code: `P${i % 10}` })),
    tenders: [{ type: "cash", amountMinor: 100_000 }],
    audit: Array.from({ length: 50 }, () => ({ action: "line.voided", detail: { note: "n".repeat(200) } })),
  };
}

describe.skipIf(skipped !== null)("a store whose disk fills up", () => {
  const tmpfs = disk as Tmpfs;
  let store: StoreProcess;
  const acknowledged: string[] = [];
  let refused: ReturnType<typeof bigSale> | undefined;

  const post = (body: unknown) => store.api("/api/v1/sales", { method: "POST", body: JSON.stringify(body) });
  async function storeSaleIds(): Promise<string[]> {
    const res = await store.api(
      "/api/v1/sales?from=2000-01-01T00:00:00.000Z&to=2100-01-01T00:00:00.000Z&limit=10000",
    );
    expect(res.status).toBe(200);
    return ((await res.json()) as { sales: { id: string }[] }).sales.map((s) => s.id);
  }
  async function journal(): Promise<{ ok: boolean; events: number }> {
    const res = await store.api("/api/v1/journal/verify");
    expect(res.status).toBe(200);
    return (await res.json()) as { ok: boolean; events: number };
  }

  beforeAll(async () => {
    store = await startStore({ dataDir: tmpfs.dir });
    await seedProducts(
      store,
      Array.from({ length: 10 }, (_, i) => ({ code: `P${i}`, name: `Product ${i}`, priceMinor: 100 + i })),
    );
  }, 60_000);
  afterAll(async () => {
    await store?.[Symbol.asyncDispose]();
    await tmpfs[Symbol.asyncDispose]();
  });

  test("sales are refused with 507 STORAGE_FULL once the disk is full, and nothing is half-written", async () => {
    tmpfs.fill();
    for (let i = 0; i < 500 && refused === undefined; i++) {
      const sale = bigSale();
      const res = await post(sale);
      if (res.status === 201) {
        acknowledged.push(sale.id);
        continue;
      }
      const body = (await res.json()) as ErrorAnswer;
      expect({ status: res.status, code: body.error.code }).toEqual({ status: 507, code: "STORAGE_FULL" });
      expect(body.error.message).toContain("free space");
      refused = sale;
    }
    expect(refused).toBeDefined();
    const before = await journal();
    expect(before.ok).toBe(true);
    // Refused again and again while the disk stays full, and each refusal records nothing.
    for (let i = 0; i < 3; i++) {
      const again = await post(bigSale());
      expect(again.status).toBe(507);
    }
    expect(await journal()).toEqual(before);
    expect((await storeSaleIds()).sort()).toEqual([...acknowledged].sort());
    // Reads still work on a full disk.
    expect((await store.api("/health")).status).toBe(200);
  }, 120_000);

  test("once space is freed the same process takes the refused sale, exactly once", async () => {
    if (!refused) throw new Error("the disk never filled");
    const pid = store.proc.pid;
    tmpfs.free();
    const res = await post(refused);
    expect(res.status).toBe(201);
    expect((await post(refused)).status).toBeLessThan(300);
    expect(store.proc.pid).toBe(pid);
    acknowledged.push(refused.id);
    const ids = await storeSaleIds();
    expect(ids.sort()).toEqual([...acknowledged].sort());
    expect((await journal()).ok).toBe(true);
  }, 60_000);

  test("after a kill -9 every acknowledged sale is there and the file is sound", async () => {
    await store.kill9();
    await store.restart();
    expect((await storeSaleIds()).sort()).toEqual([...acknowledged].sort());
    expect((await journal()).ok).toBe(true);
    const health = (await (await fetch(`${store.url}/health`)).json()) as { status: string };
    expect(health.status).toBe("ok");
  }, 60_000);
});
