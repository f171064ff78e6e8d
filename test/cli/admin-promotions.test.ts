/**
 * `ringup admin promotions list|add --file|remove` against a real store: a store's own
 * promotions from a JSON file (one or a list), listed with where they come from, ended by id; a
 * file that is not promotions is refused and defines nothing.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { adminOk, runAdmin } from "../support/admin-cli.ts";
import { type StoreProcess, startStore } from "../support/store-process.ts";

setDefaultTimeout(60_000);

let store: StoreProcess;
let dir = "";
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ringup-admin-promotions-"));
  store = await startStore();
}, 60_000);
afterAll(async () => {
  await store?.[Symbol.asyncDispose]();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

test("add from a file, list, remove", async () => {
  const file = join(dir, "promotions.json");
  writeFileSync(
    file,
    JSON.stringify([
      {
        id: "happy",
        name: "Happy hour 10%",
        timeFrom: "17:00",
        timeTo: "19:00",
        reward: { kind: "percent", percent: 10, on: "order" },
      },
      {
        id: "coupon",
        name: "Coupon 1.00",
        code: "local1",
        reward: { kind: "amount", amountMinor: 100, on: "order" },
        maxUses: 1,
      },
    ]),
  );
  const added = await adminOk(store, "promotions", "add", "--file", file);
  expect(added).toContain("defined happy [store]: Happy hour 10% (percent)");
  expect(added).toContain("defined coupon [store]: Coupon 1.00 (amount code LOCAL1)");
  expect(await adminOk(store, "promotions", "list")).toBe(
    "coupon [store]: Coupon 1.00 (amount code LOCAL1)\nhappy [store]: Happy hour 10% (percent)\n",
  );
  expect(await adminOk(store, "promotions", "remove", "happy")).toContain("ended happy [store]");
  expect(await adminOk(store, "promotions", "list")).toBe(
    "coupon [store]: Coupon 1.00 (amount code LOCAL1)\n",
  );
  expect(await adminOk(store, "promotions", "list", "--all")).toContain(
    "happy [store]: Happy hour 10% (percent) ended",
  );
});

test("a file that is not promotions is refused, and nothing is defined", async () => {
  const file = join(dir, "bad.json");
  writeFileSync(
    file,
    JSON.stringify({ id: "neg", name: "Negative", reward: { kind: "amount", amountMinor: -5 } }),
  );
  const run = await runAdmin(store, "promotions", "add", "--file", file);
  expect(run.code).not.toBe(0);
  expect(run.stderr).toContain("reward.amountMinor");
  expect(await adminOk(store, "promotions", "list")).not.toContain("neg");
  const missing = await runAdmin(store, "promotions", "remove", "nope");
  expect(missing.code).not.toBe(0);
  expect(missing.stderr).toContain(`no promotion has the id "nope"`);
});
