/**
 * Training mode and closures end to end: a real `ringup store` whose config puts till T1 in
 * training, and the compiled till in an 80×24 tmux pane with a network receipt printer. A sale
 * there shows TRAINING in the status bar, prints a receipt marked TRAINING, leaves its trace in
 * the store's audit log and is never recorded as a sale (no sale, no report figure); a sale sent
 * for T1 anyway is refused. A second till, T2, sells for real (a sale with a voided line, a
 * sale later voided, a return); the day's Z counts those alone, and its archive, exported,
 * verifies offline and is refused once altered.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { uuidv7 } from "../../../src/core/ids.ts";
import { waitFor } from "../../replication/support/wait.ts";
import { adminOk, runAdmin } from "../../support/admin-cli.ts";
import { runRingup } from "../../support/ringup-cli.ts";
import { type StoreProcess, seedProducts } from "../../support/store-process.ts";
import { PrintingTill } from "../support/printing-till.ts";
import { haveTmux, startTillInTmux, type TmuxSession } from "../support/tmux.ts";

if (!haveTmux()) console.warn("training end-to-end test skipped: tmux is not installed");

describe.if(haveTmux())("a till in training", () => {
  let fixture: PrintingTill;
  let store: StoreProcess;
  let till: TmuxSession;

  beforeAll(async () => {
    fixture = await PrintingTill.start(
      async (dir) => {
        const config = join(dir, "store.toml");
        await writeFile(config, '[training]\ntills = ["T1"]\n');
        return { storeId: "S1", args: ["--config", config] };
      },
      (store) => seedProducts(store, [{ code: "MILK", name: "Milk 1l", priceMinor: 350, taxClass: null }]),
    );
    store = fixture.storeProcess;
    till = fixture.tmux;
  }, 120_000);

  afterAll(() => fixture?.[Symbol.asyncDispose]());

  test("sells for practice: marked on screen and receipt, traced, never recorded", async () => {
    await till.waitFor("TRAINING", "the status bar's training mark");
    await till.type("MILK");
    await till.keys("Enter");
    await till.waitFor("Milk", "the line");
    await till.keys("F10");
    await till.waitFor("Payment", "the payment screen");
    await till.keys("Enter");
    await till.waitFor(/Sale (complete|done)|Change|Paid/, "the sale to complete");
    const receipt = await waitFor(
      async () => fixture.printed().find((text) => text.includes("*** TRAINING ***")) ?? null,
      "the training receipt printed",
    );
    expect(receipt).toContain("Milk 1l");
    expect(receipt).toContain("TRAINING-");
    const audit = await waitFor(async () => {
      const res = await store.api("/api/v1/audit?action=training.sale");
      const { entries } = (await res.json()) as {
        entries: { tillId: string; detail: Record<string, unknown> }[];
      };
      return entries.length === 1 ? entries : null;
    }, "the training sale's trace at the store");
    expect(audit[0]).toMatchObject({ tillId: "T1", detail: { lines: 1, totalMinor: 350 } });

    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const { sales } = (await (await store.api(`/api/v1/sales?from=${from}&to=${to}`)).json()) as {
      sales: unknown[];
    };
    expect(sales).toEqual([]);
    const date = new Date().toISOString().slice(0, 10);
    const report = (await (await store.api(`/api/v1/reports/daily?date=${date}`)).json()) as {
      salesCount: number;
    };
    expect(report.salesCount).toBe(0);

    const sent = await store.api("/api/v1/sales", {
      method: "POST",
      body: JSON.stringify({
        id: uuidv7(),
        tillId: "T1",
        at: new Date().toISOString(),
        lines: [{ code: "MILK", qty: 1 }],
        tenders: [{ type: "cash", amountMinor: 350 }],
      }),
    });
    expect(sent.status).toBe(409);
    expect(((await sent.json()) as { error: { code: string } }).error.code).toBe("TRAINING_SALE");
  }, 120_000);

  test("a real till beside it: the day's Z counts its sales alone; the archive verifies, altered it does not", async () => {
    await adminOk(store, "user", "add", "--name", "Bea", "--role", "supervisor", "--pin", "5678");
    await adminOk(store, "shift", "open", "--till", "T2", "--float", "100");
    await using t2 = await startTillInTmux(store.url, "T2", join(fixture.dir, "till2"));
    await t2.type("5678");
    await t2.keys("Enter");
    await t2.waitFor("Hello, Bea", "the log-in at T2");
    expect(await t2.screen()).not.toContain("TRAINING");
    // Two milks, the last voided, then paid: one milk sold.
    await t2.type("MILK");
    await t2.keys("Enter");
    await t2.type("MILK");
    await t2.keys("Enter");
    await t2.waitFor((screen) => screen.split("Milk 1l").length === 3, "two lines");
    await t2.keys("F3");
    await t2.waitFor("Line voided: Milk 1l", "the line voided");
    await t2.keys("F10");
    await t2.waitFor("Payment", "the payment screen");
    await t2.keys("Enter");
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const sales = await waitFor(async () => {
      const res = await store.api(`/api/v1/sales?from=${from}&to=${to}`);
      const { sales } = (await res.json()) as { sales: { id: string; totalMinor: number }[] };
      return sales.length === 1 ? sales : null;
    }, "T2's sale recorded");
    expect(sales[0]?.totalMinor).toBe(350);
    const api = async (path: string, body: unknown) => {
      const res = await store.api(path, { method: "POST", body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    };
    await api("/api/v1/returns", {
      id: uuidv7(),
      originalSaleId: sales[0]?.id,
      tillId: "T2",
      lines: [{ code: "MILK", qty: 1 }],
      tenders: [{ type: "cash", amountMinor: 350 }],
    });
    const voided = uuidv7();
    await api("/api/v1/sales", {
      id: voided,
      tillId: "T2",
      at: new Date().toISOString(),
      lines: [{ code: "MILK", qty: 2 }],
      tenders: [{ type: "cash", amountMinor: 700 }],
    });
    await api(`/api/v1/sales/${voided}/void`, { reason: "customer left" });

    const date = new Date().toISOString().slice(0, 10);
    const z = await adminOk(store, "--json", "closure", "day", "--date", date);
    expect(JSON.parse(z)).toMatchObject({
      typeNumber: 1,
      figures: { salesCount: 1, returnsCount: 1, voidedCount: 1, totalMinor: 0 },
    });
    const out = join(fixture.dir, "archive.ndjson");
    await adminOk(store, "archive", "export", "--from", date, "--to", date, "--out", out);
    const keyFile = join(fixture.dir, "store.pub");
    const key = (await (await store.api("/api/v1/archive/public-key")).json()) as { publicKey: string };
    await writeFile(keyFile, key.publicKey);
    const good = await runRingup(["verify-archive", out, "--public-key", keyFile]);
    expect(good.code).toBe(0);
    const text = await readFile(out, "utf8");
    expect(text).toContain('"ref":"sale S1-T2-');
    expect(text).toContain("training.sale");
    expect(text).not.toContain('"ref":"sale TRAINING');
    // Altered in several places: each refused, the record named.
    const lines = text.split("\n");
    for (const n of [1, Math.floor((lines.length - 3) / 2), lines.length - 4]) {
      const copy = [...lines];
      copy[n] = (copy[n] as string).replace(/"at":"(\d)/, (_m, d: string) => `"at":"${(Number(d) + 1) % 10}`);
      if (copy[n] === lines[n]) copy[n] = (copy[n] as string).replace("}", " }");
      const file = join(fixture.dir, `altered-${n}.ndjson`);
      await writeFile(file, copy.join("\n"));
      const run = await runRingup(["verify-archive", file, "--public-key", keyFile]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`record ${n} (`);
      expect(run.stderr).toContain("was altered");
    }
    const again = await runAdmin(store, "closure", "day", "--date", date);
    expect(again.code).toBe(1);
  }, 180_000);
});
