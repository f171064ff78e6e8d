/**
 * `ringup admin labels print`: a real store process (started by the CLI, so with the label
 * printer drivers), the admin CLI as a process, and a ZPL printer on a loopback TCP port. A long
 * job prints in batches and says how far it got.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { EscPosSink } from "../devices/support/escpos-sink.ts";
import { parseZpl } from "../devices/support/label-parsers.ts";
import { waitFor } from "../devices/support/wait.ts";
import { runAdmin } from "../support/admin-cli.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";

let store: StoreProcess;
const codes = Array.from({ length: 120 }, (_, i) => `P${String(i).padStart(3, "0")}`);
beforeAll(async () => {
  store = await startStore();
  await seedProducts(
    store,
    codes.map((code, i) => ({ code, name: `Product ${i}`, priceMinor: 100 + i })),
  );
}, 60_000);
afterAll(async () => {
  await store[Symbol.asyncDispose]();
}, 60_000);

test("every changed price prints once, in batches with progress; the next morning nothing is left", async () => {
  await using sink = await EscPosSink.start();
  const printer = `${sink.uri}?language=zpl`;
  const printChanged = () =>
    runAdmin(
      store,
      "labels",
      "print",
      "--printer",
      printer,
      "--template",
      "shelf-58x40",
      "--changed-since",
      "last",
    );
  const run = await printChanged();
  expect(run.code).toBe(0);
  expect(run.stderr).toBe("printed 50 of 120 labels\nprinted 100 of 120 labels\nprinted 120 of 120 labels\n");
  expect(run.stdout).toBe(`printed 120 labels on ${sink.uri} (zpl)\n`);
  const jobs = await waitFor("three jobs", () => sink.raw.length >= 3 && sink.raw);
  const labels = jobs.flatMap((bytes) => parseZpl(new TextDecoder().decode(bytes)));
  expect(labels).toHaveLength(120);
  expect(labels[119]?.fields.find((f) => f.kind === "text")?.data).toBe("Product 119");

  const again = await printChanged();
  expect([again.code, again.stdout]).toEqual([0, "no product to label\n"]);
}, 60_000);

test("a choice of two selections, or none, is refused before anything prints", async () => {
  const run = await runAdmin(
    store,
    "labels",
    "print",
    "--printer",
    "tcp://127.0.0.1:9",
    "--template",
    "shelf-58x40",
  );
  expect(run.code).not.toBe(0);
  expect(run.stderr).toContain("choose the products one way: --codes, --changed-since or --department");
}, 60_000);
