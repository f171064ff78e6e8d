/**
 * A store opened from a template sells within a minute of `ringup hq store create`: a real
 * nats-server and head office, `ringup hq store create … --from-template` writing the pairing
 * bundle, `ringup store --bundle FILE` starting from it, and a sale rung there reaching head
 * office. Bad input changes nothing: an unknown template, a store id taken.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runRingup } from "../support/ringup-cli.ts";
import { startStore } from "../support/store-process.ts";
import { TEST_TAX_CLASSES } from "../support/tax-classes.ts";
import { type Chain, giveTestTaxClasses, PRODUCTS, ringSale, startChain } from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

// Real processes: starting them and waiting for replication takes seconds, not milliseconds.
setDefaultTimeout(120_000);

let chain: Chain;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ringup-template-"));
  chain = await startChain({ storeIds: [] });
  await chain.hq.json("/api/v1/stores", {
    method: "POST",
    body: JSON.stringify({ storeId: "S1", name: "Main St" }),
  });
  await giveTestTaxClasses(chain.hq, "S1");
  await chain.hq.json("/api/v1/products/bulk", {
    method: "POST",
    body: JSON.stringify({ products: PRODUCTS, strict: true }),
  });
  await chain.hq.json("/api/v1/store-templates", {
    method: "POST",
    body: JSON.stringify({
      id: "corner",
      name: "Corner shop",
      settings: { storeName: "Corner shop", timeZone: "Europe/Paris" },
      taxClasses: TEST_TAX_CLASSES,
      priceList: { prices: [{ code: "MILK", priceMinor: 329 }] },
      devices: { printer: "sim:", scale: "sim:" },
      departments: [{ id: "10", name: "Grocery", taxClass: "1" }],
    }),
  });
});
afterAll(async () => {
  await chain?.[Symbol.asyncDispose]();
  rmSync(dir, { recursive: true, force: true });
});

function storeCreate(...args: string[]) {
  return runRingup(["hq", "store", "create", ...args, "--server", chain.hq.url, "--nats", chain.nats.url], {
    RINGUP_TOKEN: chain.hq.token,
  });
}

test("a store opened from a template sells within a minute, and its sale reaches head office", async () => {
  const bundle = join(dir, "S5.bundle.json");
  const started = Date.now();
  const created = await storeCreate(
    "S5",
    "--from-template",
    "corner",
    "--name",
    "Riverside",
    "--out",
    bundle,
  );
  expect(created.code, created.stderr).toBe(0);
  expect(created.stdout).toContain(bundle);
  expect(created.stdout).not.toContain(JSON.parse(readFileSync(bundle, "utf8")).apiToken);
  expect(statSync(bundle).mode & 0o777).toBe(0o600);

  const store = await startStore({ dataDir: join(dir, "S5"), args: ["--bundle", bundle] });
  chain.stores.set("S5", store);
  await store.waitForOutput(/store S5 listening/);
  // The template's price for this store, over the chain price, reaches it with the catalog.
  await waitFor(
    async () => {
      const res = await store.api("/api/v1/products/changes?since=0&limit=1000");
      const body = (await res.json()) as { products?: { code: string; priceMinor: number }[] };
      return body.products?.find((p) => p.code === "MILK")?.priceMinor === 329;
    },
    "the template's price at the new store",
    50_000,
  );
  const saleId = await ringSale(store, 1);
  await waitFor(
    async () => (await chain.hq.api(`/api/v1/sales/${saleId}`)).status === 200,
    "the sale at head office",
    50_000,
  );
  const elapsed = Date.now() - started;
  expect(elapsed).toBeLessThan(60_000);

  const settings = (await chain.hq.json("/api/v1/stores/S5/settings")) as {
    settings: { storeName: string; timeZone: string };
  };
  expect(settings.settings).toMatchObject({ storeName: "Riverside", timeZone: "Europe/Paris" });
  const departments = (await (await store.api("/api/v1/departments")).json()) as {
    departments: { id: string; name: string; taxClass: string | null }[];
  };
  expect(departments.departments).toContainEqual(
    expect.objectContaining({ id: "10", name: "Grocery", taxClass: "1" }),
  );
  for (const secret of ["nats.creds", "hq-token"])
    expect(statSync(join(store.dataDir, secret)).mode & 0o777).toBe(0o600);
});

test("an unknown template or a store id taken is refused and changes nothing", async () => {
  const before = (await chain.hq.json("/api/v1/stores")) as { stores: unknown[] };
  const unknown = await storeCreate("S6", "--from-template", "nope", "--out", join(dir, "S6.json"));
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('no store template "nope"');
  const taken = await storeCreate("S1", "--from-template", "corner", "--out", join(dir, "S1.json"));
  expect(taken.code).toBe(1);
  expect(taken.stderr).toContain('store "S1" is already registered');
  const nowhere = await storeCreate("S6", "--from-template", "corner", "--out", join(dir, "none", "S6.json"));
  expect(nowhere.code).toBe(1);
  expect(nowhere.stderr).toContain("cannot write the bundle");
  const after = (await chain.hq.json("/api/v1/stores")) as { stores: unknown[] };
  expect(after.stores.length).toBe(before.stores.length);
  expect(Bun.file(join(dir, "S6.json")).size).toBe(0);
});
