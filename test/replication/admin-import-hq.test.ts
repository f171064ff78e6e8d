/**
 * `ringup admin import products` against head office: the CLI reads the chain's settings from
 * HQ's `GET /settings`, imports a small CORE-POS catalog through HQ's bulk endpoint, HQ's API
 * answers the products, and a store receives them over NATS.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { childEnv, ringupCommand } from "../support/store-process.ts";
import { type Chain, startChain } from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

// Real processes: starting them and waiting for replication takes seconds, not milliseconds.
setDefaultTimeout(120_000);

const ROOT = resolve(import.meta.dir, "../..");

/** A CORE-POS products.csv row: 48 quoted columns (ProductsModel order), the given ones set. */
function coreposRow(set: Record<number, string>): string {
  const defaults: Record<number, string> = { 2: "", 3: "", 36: "1" };
  const fields = Array.from({ length: 48 }, (_, i) => set[i] ?? defaults[i] ?? "0");
  return fields.map((f) => `"${f.replaceAll('"', '""')}"`).join(",");
}

const CATALOG = [
  coreposRow({ 0: "0000000004011", 1: "PBANANA", 4: "0.99", 15: "547", 17: "0", 19: "1" }),
  coreposRow({ 0: "0001234567890", 1: "OAT MILK", 4: "3.49", 15: "12", 17: "1", 33: "2.515" }),
  coreposRow({ 0: "0400638133393", 1: "PEN", 3: "STABILO PEN", 4: "1.10", 17: "2" }),
  coreposRow({ 0: "0000000000052", 1: "RRR", 4: "-1" }),
].join("\n");

let chain: Chain;
let dir = "";
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ringup-hq-import-"));
  chain = await startChain({ storeIds: ["S1"], seed: false });
}, 60_000);
afterAll(async () => {
  await chain?.[Symbol.asyncDispose]();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

async function admin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const proc = Bun.spawn(
    [...ringupCommand(), "admin", "--server", chain.hq.url, "--token", chain.hq.token, ...args],
    { cwd: ROOT, stdin: "ignore", stdout: "pipe", stderr: "pipe", env: childEnv() },
  );
  const [stdout, stderr, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  return { code, stdout, stderr };
}

test("head office answers the chain's settings", async () => {
  const settings = await chain.hq.json<{ currency: string; locale: string; taxClasses: { id: string }[] }>(
    "/api/v1/settings",
  );
  expect(settings.currency).toBe("USD");
  expect(settings.locale).toBe("en-US");
  expect(settings.taxClasses.map((t) => t.id)).toEqual(["1", "2"]);
  const anonymous = await fetch(`${chain.hq.url}/api/v1/settings`);
  expect(anonymous.status).toBe(401);
});

test("a CORE-POS catalog imported into head office through the CLI reaches HQ's API and a store", async () => {
  const file = join(dir, "products.csv");
  writeFileSync(file, `${CATALOG}\n`);
  const run = await admin("import", "products", file, "--format", "corepos");
  expect(run.stderr).toContain("parsed 4/4 rows");
  expect(run.code).toBe(0);
  const lines = run.stdout.trim().split("\n");
  expect(lines[0]).toBe("imported 3 products, skipped 1:");
  expect(lines[1]).toStartWith("  line 4: normal_price -1 is negative");

  const { products } = await chain.hq.json<{
    products: { code: string; name: string; priceMinor: number }[];
  }>("/api/v1/products");
  const byCode = new Map(products.map((p) => [p.code, p]));
  expect(byCode.get("4011")).toMatchObject({ name: "PBANANA", priceMinor: 99 });
  expect(byCode.get("0001234567890")).toMatchObject({ name: "OAT MILK", priceMinor: 349 });
  expect(byCode.get("0400638133393")).toMatchObject({ name: "STABILO PEN", priceMinor: 110 });
  expect(byCode.has("52")).toBe(false);

  const store = chain.store("S1");
  const found = await waitFor(async () => {
    const res = await store.api("/api/v1/products/lookup?code=4006381333931");
    return res.ok
      ? ((await res.json()) as { product: { code: string; name: string; priceMinor: number } })
      : null;
  }, "the store to receive the imported catalog");
  expect(found.product).toMatchObject({ code: "0400638133393", name: "STABILO PEN", priceMinor: 110 });
  const oat = await store.api("/api/v1/products/lookup?code=012345678905");
  expect(oat.status).toBe(200);
  expect(((await oat.json()) as { product: { priceMinor: number } }).product.priceMinor).toBe(349);
});
