/**
 * `ringup admin scales sync|status`: a real store process (started by the CLI, so with the label
 * scale drivers) whose `[[scales]]` names a simulated scale on a loopback port, and the admin
 * CLI as a process: a sync programs the scale, the status says how far each scale is.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SimulatedLabelScale } from "../../src/devices/label-scale/simulated-label-scale.ts";
import { runAdmin } from "../support/admin-cli.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";

let store: StoreProcess;
let scale: SimulatedLabelScale;
let dir: string;
beforeAll(async () => {
  scale = new SimulatedLabelScale();
  const uri = await scale.listen();
  dir = await mkdtemp(join(tmpdir(), "ringup-scales-"));
  const config = join(dir, "store.toml");
  await writeFile(
    config,
    ["[[scales]]", 'id = "deli-1"', `uri = "${uri}"`, 'protocol = "ringup"', ""].join("\n"),
  );
  store = await startStore({ args: ["--config", config] });
  await seedProducts(store, [
    { code: "101", name: "Ham", priceMinor: 1299, unit: "kg", soldByWeight: true, taxClass: null },
    { code: "102", name: "Salami", priceMinor: 2450, unit: "kg", soldByWeight: true, taxClass: null },
    { code: "BREAD", name: "Bread", priceMinor: 350, taxClass: null },
  ]);
}, 60_000);
afterAll(async () => {
  await store[Symbol.asyncDispose]();
  await scale.close();
  await rm(dir, { recursive: true, force: true });
}, 60_000);

test("sync programs the scale with the weighed goods; status shows it complete", async () => {
  const before = await runAdmin(store, "scales", "status");
  expect(before.code).toBe(0);
  expect(before.stdout).toContain("deli-1  reachable  ready  0/2 PLUs (none)");

  const run = await runAdmin(store, "scales", "sync");
  expect([run.code, run.stdout]).toEqual([0, "deli-1: sent 2 of 2 PLUs\n"]);
  expect([...scale.plus.keys()].sort()).toEqual([101, 102]);

  const after = await runAdmin(store, "--json", "scales", "status");
  expect(JSON.parse(after.stdout).scales[0]).toMatchObject({
    id: "deli-1",
    plusSent: 2,
    programming: "complete",
  });
}, 60_000);

test("an unknown scale is refused by name", async () => {
  const run = await runAdmin(store, "scales", "sync", "--scale", "nope");
  expect(run.code).not.toBe(0);
  expect(run.stderr).toContain('no scale "nope"');
}, 60_000);

test("product sets the tare and shelf life a scale prints; bad values are refused by name", async () => {
  const run = await runAdmin(store, "scales", "product", "102", "--tare", "15", "--shelf-life", "21");
  expect([run.code, run.stdout]).toEqual([0, "102: tare 15 g, shelf life 21 days\n"]);
  expect((await runAdmin(store, "scales", "sync")).code).toBe(0);
  expect(scale.plus.get(102)?.slice(3, 5)).toEqual(["15", "21"]);

  const bad = await runAdmin(store, "scales", "product", "102", "--tare", "-3", "--shelf-life", "21");
  expect(bad.code).not.toBe(0);
  expect(bad.stderr).toContain("--tare");
  const unknown = await runAdmin(store, "scales", "product", "NOPE", "--tare", "1", "--shelf-life", "1");
  expect(unknown.code).not.toBe(0);
  expect(unknown.stderr).toContain('no product "NOPE"');
}, 60_000);
