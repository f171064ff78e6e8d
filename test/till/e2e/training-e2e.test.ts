/**
 * Training mode end to end: a real `ringup store` whose config puts till T1 in training, and
 * the compiled till in an 80×24 tmux pane with a network receipt printer. A sale there shows
 * TRAINING in the status bar, prints a receipt marked TRAINING, leaves its trace in the
 * store's audit log and is never recorded as a sale (no sale, no report figure); a sale sent
 * for T1 anyway is refused.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { uuidv7 } from "../../../src/core/ids.ts";
import { waitFor } from "../../replication/support/wait.ts";
import { type StoreProcess, seedProducts } from "../../support/store-process.ts";
import { PrintingTill } from "../support/printing-till.ts";
import { haveTmux, type TmuxSession } from "../support/tmux.ts";

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
});
