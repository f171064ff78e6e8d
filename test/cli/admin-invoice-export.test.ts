/**
 * `ringup admin invoice create|print|pdf` and `ringup admin export accounting`, end to end: a real
 * store process configured with its legal details, the admin CLI as a process and a TCP printer
 * sink for the receipt-printer copy.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../../src/core/ids.ts";
import { decodeEscPos } from "../../src/devices/escpos/decode.ts";
import { EscPosSink } from "../devices/support/escpos-sink.ts";
import { runAdmin } from "../support/admin-cli.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";

let store: StoreProcess;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ringup-invoice-cli-"));
  const config = join(dir, "store.toml");
  await writeFile(
    config,
    `currency = "EUR"
[legal]
name = "Green Basket Co-op Ltd"
address = ["12 Market Street", "75011 Paris"]
taxId = "FR40123456789"

[[taxClasses]]
id = "1"
name = "Standard"
rate = "20"
`,
  );
  store = await startStore({ args: ["--config", config] });
  await seedProducts(store, [{ code: "WINE", name: "Red wine", priceMinor: 1000, taxClass: "1" }]);
}, 60_000);
afterAll(async () => {
  await store[Symbol.asyncDispose]();
  await rm(dir, { recursive: true, force: true });
}, 60_000);

test("an invoice is issued, printed on the receipt printer and exported with the day", async () => {
  const saleId = uuidv7();
  const res = await store.api("/api/v1/sales", {
    method: "POST",
    body: JSON.stringify({
      id: saleId,
      tillId: "T1",
      lines: [{ code: "WINE", qty: 2 }],
      tenders: [{ type: "card", amountMinor: 2400 }],
    }),
  });
  expect(res.status).toBe(201);
  const created = await runAdmin(
    store,
    "invoice",
    "create",
    "--sale",
    saleId,
    "--name",
    "Cafe Lune",
    "--address",
    "3 rue des Lilas, Paris",
    "--tax-id",
    "FR998877",
  );
  expect(created.code).toBe(0);
  expect(created.stdout.trim()).toMatch(/^invoice \d{4}-000001 issued to Cafe Lune: 24\.00 EUR$/);
  const number = created.stdout.split(" ")[1] ?? "";

  await using sink = await EscPosSink.start();
  const printed = await runAdmin(store, "invoice", "print", number, "--printer", sink.uri);
  expect(printed.code).toBe(0);
  const deadline = Date.now() + 5000;
  while (sink.jobs.length === 0 && Date.now() < deadline) await Bun.sleep(5);
  const lines = sink.jobs.flatMap((job) => decodeEscPos(job).lines).map((l) => l.trimEnd());
  expect(lines.some((l) => l.includes(`INVOICE ${number}`))).toBe(true);
  expect(lines.some((l) => /^total +24\.00$/.test(l))).toBe(true);

  const pdf = join(dir, "invoice.pdf");
  expect((await runAdmin(store, "invoice", "pdf", number, "--out", pdf)).code).toBe(0);
  expect((await readFile(pdf)).subarray(0, 5).toString()).toBe("%PDF-");

  const day = new Date().toISOString().slice(0, 10);
  const out = join(dir, "export.xml");
  const exported = await runAdmin(
    store,
    "export",
    "accounting",
    "--from",
    day,
    "--to",
    day,
    "--format",
    "saft",
    "--out",
    out,
  );
  expect(exported.code).toBe(0);
  const xml = await readFile(out, "utf8");
  expect(xml).toContain("<TaxRegistrationNumber>FR40123456789</TaxRegistrationNumber>");
  expect(xml).toContain("<AccountID>TENDER-card</AccountID>");

  // A long range is fetched a month at a time, saying how far it got.
  const from = new Date(Date.parse(`${day}T00:00:00Z`) - 40 * 86_400_000).toISOString().slice(0, 10);
  const csv = await runAdmin(store, "export", "accounting", "--from", from, "--to", day);
  expect(csv.code).toBe(0);
  expect(csv.stderr.trim().split("\n")).toEqual([
    expect.stringMatching(/^exported \S+ \(1\/2\)$/),
    expect.stringMatching(/^exported \S+ \(2\/2\)$/),
  ]);
  const rows = csv.stdout.trim().split("\r\n");
  expect(rows[0]?.startsWith("date,store,currency,section")).toBe(true);
  expect(rows.filter((r) => r.includes(",totals,"))).toHaveLength(41);
  expect(rows.some((r) => r.startsWith(`${day},S1,EUR,totals,,,1,2000,400,2400,`))).toBe(true);

  const refused = await runAdmin(store, "export", "accounting", "--from", day, "--to", "2020-01-01");
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain("--to");
}, 60_000);
