/**
 * The invoice sequence on a real store process: invoices asked for concurrently over HTTP, with
 * refused requests among them, take the numbers 1..n of the year with no gap and no repeat, and
 * the numbers survive a restart (the next one follows on).
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../../src/core/ids.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";

let dir: string;
let config: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ringup-invoices-process-"));
  config = join(dir, "store.toml");
  await writeFile(
    config,
    `[legal]\nname = "Green Basket Co-op Ltd"\naddress = ["12 Market Street"]\ntaxId = "FR40123456789"\n`,
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function sale(store: StoreProcess): Promise<string> {
  const id = uuidv7();
  const res = await store.api("/api/v1/sales", {
    method: "POST",
    body: JSON.stringify({
      id,
      tillId: "T1",
      lines: [{ code: "BREAD" }],
      tenders: [{ type: "card", amountMinor: 350 }],
    }),
  });
  expect(res.status).toBe(201);
  return id;
}

function invoice(store: StoreProcess, saleId: string, name: string): Promise<Response> {
  return store.api("/api/v1/invoices", {
    method: "POST",
    body: JSON.stringify({ saleId, buyer: { name, address: "1 Road" } }),
  });
}

test("concurrent requests over HTTP take consecutive numbers, refused ones take none", async () => {
  const data = join(dir, "data");
  let store = await startStore({ dataDir: data, args: ["--config", config] });
  try {
    await seedProducts(store, [{ code: "BREAD", name: "Rye bread", priceMinor: 350 }]);
    const sales: string[] = [];
    for (let i = 0; i < 16; i++) sales.push(await sale(store));
    const answers = await Promise.all(
      sales.flatMap((id, i) => [
        invoice(store, id, `Buyer ${i}`),
        invoice(store, uuidv7(), "Nobody"),
        invoice(store, id, `Someone else ${i}`),
      ]),
    );
    const made: string[] = [];
    let refused = 0;
    for (const res of answers) {
      const body = (await res.json()) as { number?: string };
      if (res.status === 201 && body.number) made.push(body.number);
      else refused += 1;
    }
    // Each sale's two requests race: one is issued, the other answered 409 (or 200 for the same buyer: not here).
    expect(refused).toBe(32);
    const year = made[0]?.slice(0, 4) ?? "";
    expect(made.sort()).toEqual(
      Array.from({ length: 16 }, (_, i) => `${year}-${String(i + 1).padStart(6, "0")}`),
    );
  } finally {
    await store[Symbol.asyncDispose]();
  }
  store = await startStore({ dataDir: data, args: ["--config", config] });
  try {
    const res = await invoice(store, await sale(store), "After restart");
    expect(res.status).toBe(201);
    expect(((await res.json()) as { number: string }).number).toMatch(/^\d{4}-000017$/);
  } finally {
    await store[Symbol.asyncDispose]();
  }
}, 60_000);
