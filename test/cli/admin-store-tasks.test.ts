/**
 * `ringup admin` as a store administrator uses it, run as a process against real servers:
 * products (add, edit, price, deactivate), users (list, disable, PIN reset), the daily report
 * for today in the store's time zone, a CSV export that imports back, CSV files separated by
 * semicolons or tabs, and head office named as such, refusing store-only commands.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { businessDay } from "../../src/core/business-day.ts";
import { runAdmin } from "../support/admin-cli.ts";
import { type HqProcess, startHq } from "../support/hq-process.ts";
import { type StoreProcess, startStore } from "../support/store-process.ts";

setDefaultTimeout(60_000);

let store: StoreProcess;
let hq: HqProcess;
let dir = "";
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ringup-admin-tasks-"));
  const config = join(dir, "store.toml");
  writeFileSync(
    config,
    'timeZone = "Pacific/Kiritimati"\n[[taxClasses]]\nid = "1"\nname = "Regular"\nrate = "8.875"\n',
  );
  [store, hq] = await Promise.all([startStore({ args: ["--config", config] }), startHq()]);
}, 60_000);
afterAll(async () => {
  await Promise.allSettled([store?.[Symbol.asyncDispose](), hq?.[Symbol.asyncDispose]()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

async function product(code: string) {
  const res = await store.api(`/api/v1/products/${code}`);
  return (await res.json()) as Record<string, unknown>;
}

test("product add, edit, price and deactivate change only what they name", async () => {
  const add = await runAdmin(
    store,
    "product",
    "add",
    "--code",
    "TEA",
    "--name",
    "Green tea",
    "--price",
    "2.49",
    "--department",
    "DRINKS",
    "--tax-class",
    "1",
    "--barcodes",
    "5012345678900",
  );
  expect(add.stderr).toBe("");
  expect(add.code).toBe(0);
  expect(add.stdout).toContain("added TEA Green tea at 2.49");
  const again = await runAdmin(store, "product", "add", "--code", "TEA", "--name", "Tea", "--price", "1");
  expect(again.code).toBe(1);
  expect(again.stderr).toContain("product TEA exists already");
  const noPrice = await runAdmin(store, "product", "add", "--code", "NEW", "--name", "New");
  expect(noPrice.code).toBe(1);
  expect(noPrice.stderr).toContain("a new product needs --name and --price");

  expect(
    (await runAdmin(store, "product", "edit", "--code", "TEA", "--by-weight", "true", "--unit", "kg")).code,
  ).toBe(0);
  expect((await runAdmin(store, "product", "price", "--code", "TEA", "--price", "2.99")).code).toBe(0);
  expect(await product("TEA")).toMatchObject({
    name: "Green tea",
    priceMinor: 299,
    department: "DRINKS",
    taxClass: "1",
    soldByWeight: true,
    unit: "kg",
    barcodes: ["05012345678900"],
    active: true,
  });
  const off = await runAdmin(store, "product", "deactivate", "--code", "TEA");
  expect(off.code).toBe(0);
  expect(await product("TEA")).toMatchObject({ active: false, priceMinor: 299, department: "DRINKS" });
  const missing = await runAdmin(store, "product", "edit", "--code", "NOPE", "--price", "1");
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain("product NOPE does not exist");
});

test("user list, disable and pin-reset", async () => {
  const added = await runAdmin(store, "user", "add", "--name", "Ann", "--role", "cashier", "--pin", "4821");
  expect(added.code).toBe(0);
  const id = /id (\S+)\)/.exec(added.stdout)?.[1] ?? "";
  const list = await runAdmin(store, "user", "list");
  expect(list.code).toBe(0);
  expect(list.stdout).toMatch(new RegExp(`${id}\\s+Ann\\s+cashier\\s+active`));
  const reset = await runAdmin(store, "user", "pin-reset", id, "--pin", "7390");
  expect(reset.code).toBe(0);
  expect(reset.stdout).toContain("reset the PIN of cashier Ann");
  const disabled = await runAdmin(store, "user", "disable", id);
  expect(disabled.code).toBe(0);
  expect((await runAdmin(store, "user", "list")).stdout).not.toContain(id);
  expect((await runAdmin(store, "user", "list", "--all")).stdout).toMatch(
    new RegExp(`${id}\\s+Ann\\s+cashier\\s+disabled`),
  );
});

test("report daily without --date reports today in the store's time zone", async () => {
  const run = await runAdmin(store, "--json", "report", "daily");
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as { date: string };
  // Kiritimati is UTC+14: its today is often not UTC's.
  const expected = [businessDay(new Date(), "Pacific/Kiritimati")];
  expect(expected).toContain(report.date);
});

test("export products writes the catalog as CSV that imports back as it was", async () => {
  await runAdmin(
    store,
    "product",
    "add",
    "--code",
    "SOAP",
    "--name",
    "Soap, lavender",
    "--price",
    "3.50",
    "--cost",
    "1.20",
  );
  const out = join(dir, "export.csv");
  const run = await runAdmin(store, "export", "products", "--out", out);
  expect(run.code).toBe(0);
  const text = readFileSync(out, "utf8");
  expect(text.split("\n")[0]).toBe(
    "code,name,price,barcodes,taxClass,department,soldByWeight,unit,cost,active",
  );
  expect(text).toContain('SOAP,"Soap, lavender",3.50,,,,false,each,1.20,true');
  expect(text).toContain("TEA,Green tea,2.99,05012345678900,1,DRINKS,true,kg,,false");
  const back = await runAdmin(store, "import", "products", out);
  expect(back.stdout).toContain("imported 2 products");
  expect(back.code).toBe(0);
  expect(await product("TEA")).toMatchObject({ active: false, soldByWeight: true, unit: "kg" });
});

test("a CSV separated by semicolons or tabs is read as such; a file that imports nothing exits 1", async () => {
  const semi = join(dir, "semi.csv");
  writeFileSync(semi, "code;name;price\nJAM;Jam;2.50\n");
  const a = await runAdmin(store, "import", "products", semi);
  expect(a.stdout).toContain("imported 1 product");
  expect(a.code).toBe(0);
  const tab = join(dir, "tab.csv");
  writeFileSync(tab, "code\tprice\nJAM\t2.75\n");
  expect((await runAdmin(store, "import", "products", tab)).code).toBe(0);
  expect(await product("JAM")).toMatchObject({ name: "Jam", priceMinor: 275 });
  const pipes = join(dir, "pipes.csv");
  writeFileSync(pipes, "code|name|price\nJAM|Jam|2.50\n");
  const bad = await runAdmin(store, "import", "products", pipes);
  expect(bad.code).toBe(1);
  expect(bad.stdout).toContain('unknown column "code|name|price"');
  expect(bad.stderr).toContain("nothing was imported");
});

test("pointed at head office, the CLI says so, offers head office's commands and refuses store-only ones", async () => {
  const daily = await runAdmin(hq, "report", "daily");
  expect(daily.code).toBe(1);
  expect(daily.stderr).toContain(`talking to head office (HQ) at ${hq.url}`);
  expect(daily.stderr).toContain(`"report daily" is a store command, and ${hq.url} is head office (HQ)`);
  const users = await runAdmin(hq, "user", "list");
  expect(users.code).toBe(1);
  expect(users.stderr).toContain("is head office (HQ)");

  const add = await runAdmin(
    hq,
    "product",
    "add",
    "--code",
    "MILK",
    "--name",
    "Milk 1l",
    "--price",
    "1.29",
    "--department",
    "DAIRY",
  );
  expect(add.stderr).toContain("talking to head office (HQ)");
  expect(add.code).toBe(0);
  const price = await runAdmin(hq, "product", "price", "--code", "MILK", "--price", "1.39");
  expect(price.code).toBe(0);
  expect(price.stdout).toContain("MILK: chain price 1.39");
  const exported = await runAdmin(hq, "export", "products");
  expect(exported.code).toBe(0);
  expect(exported.stdout).toContain("MILK,Milk 1l,1.39,,,DAIRY,false,each,,true");
});
