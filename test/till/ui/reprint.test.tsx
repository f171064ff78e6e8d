/**
 * Reprints from the till's print journal: every receipt is journalled in the till's SQLite
 * before it is printed, and any of them — not only the last one — prints again marked COPY,
 * after the next scan and after a restart, on a network printer (a TCP sink).
 */
import { Database } from "bun:sqlite";
import { afterEach, describe, expect, test } from "bun:test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeEscPos } from "../../../src/devices/escpos/decode.ts";
import { openPrinter, type ReceiptPrinter } from "../../../src/devices/index.ts";
import { tillDbPath } from "../../../src/till/data/db.ts";
import { EscPosSink } from "../../devices/support/escpos-sink.ts";
import { FakeServices } from "../support/fake-services.ts";
import { renderTill, type Till, waitFor } from "../support/render-till.tsx";

let till: Till | null = null;
let printer: ReceiptPrinter | null = null;
let sink: EscPosSink | null = null;
afterEach(async () => {
  till?.cleanup();
  till = null;
  await printer?.close();
  printer = null;
  await sink?.stop();
  sink = null;
});

function printed(from: EscPosSink): string[] {
  return from.jobs.map((job) => decodeEscPos(job).lines.join("\n"));
}

async function sell(t: Till, code: string, name: string): Promise<void> {
  t.scan(code);
  await t.see(name);
  t.press("f10");
  t.press("enter");
  await t.see("Sale complete");
}

async function start(
  dataDir: string,
  lang: "en" | "fr" = "en",
): Promise<{ t: Till; services: FakeServices }> {
  sink ??= await EscPosSink.start();
  printer = openPrinter(sink.uri);
  const services = new FakeServices({}, { dataDir });
  const t = await renderTill({ services, devices: { printer }, lang });
  await t.login();
  return { t, services };
}

describe("reprints from the print journal", () => {
  test("any earlier receipt prints again as a COPY, after the next scan and after a restart", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ringup-till-prints-"));
    const first = await start(dataDir);
    till = first.t;
    await sell(till, "0001", "Milk 1l");
    await sell(till, "0002", "Bread");
    const out = sink;
    if (out === null) throw new Error("no printer sink");
    await waitFor(() => out.jobs.length >= 2, "both receipts printed");
    till.scan("0001");
    await waitFor(() => till?.controller.state.sale.lines.length === 1, "a new sale started");

    // Menu → Reprint: the list of printed receipts, newest first; choose the first sale's.
    till.press("f9");
    await till.see("Reprint");
    till.write("9");
    await till.see("S1-T1-000002");
    await till.see("S1-T1-000001");
    till.press("down");
    till.press("enter");
    await till.see("Printed a COPY of S1-T1-000001");
    await waitFor(() => out.jobs.length >= 3, "the copy printed");
    const copy = printed(out)[2] ?? "";
    expect(copy).toContain("*** COPY ***");
    expect(copy).toContain("S1-T1-000001");
    expect(copy).toContain("Milk 1l");
    expect(printed(out)[0]).not.toContain("COPY");

    // A restart: the journal is on disk, and a receipt number typed finds its receipt.
    till.cleanup();
    till = null;
    await printer?.close();
    first.services.closeJournal();
    const second = await start(dataDir, "fr");
    till = second.t;
    till.press("f9");
    till.write("9");
    await till.see("S1-T1-000002");
    till.write("S1-T1-000002");
    till.press("enter");
    await waitFor(() => out.jobs.length >= 4, "the copy printed after the restart");
    // The till speaks French now; the copy keeps the language the receipt was printed in.
    await till.see("DUPLICATA imprimé : S1-T1-000002");
    const again = printed(out)[3] ?? "";
    expect(again).toContain("*** COPY ***");
    expect(again).toContain("Bread");

    till.write("S9-T9-000009");
    till.press("enter");
    await till.see("S9-T9-000009");
    second.services.closeJournal();

    // Each reprint is journalled with who asked and when.
    const db = new Database(tillDbPath(dataDir), { readonly: true });
    try {
      const copies = db
        .query<{ receiptNo: string; cashierId: string | null }, []>(
          "SELECT receipt_no AS receiptNo, cashier_id AS cashierId FROM print_journal WHERE copy_of IS NOT NULL ORDER BY id",
        )
        .all();
      expect(copies).toEqual([
        { receiptNo: "S1-T1-000001", cashierId: "u-ann" },
        { receiptNo: "S1-T1-000002", cashierId: "u-ann" },
      ]);
    } finally {
      db.close();
    }
  });

  test("the list shows each receipt's date and time in the store's time zone, not UTC", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ringup-till-prints-tz-"));
    sink ??= await EscPosSink.start();
    printer = openPrinter(sink.uri);
    const services = new FakeServices({ timeZone: "Pacific/Kiritimati" }, { dataDir });
    till = await renderTill({ services, devices: { printer } });
    await till.login();
    await sell(till, "0001", "Milk 1l");
    const at = services.recentPrints(1)[0]?.at ?? "";
    // UTC+14: the store's day and hour differ from the UTC ones the journal keeps.
    const local = new Intl.DateTimeFormat("en-US", {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: "Pacific/Kiritimati",
    }).format(new Date(at));
    till.press("f9");
    await till.see("Reprint");
    till.write("9");
    await till.see("S1-T1-000001");
    await till.see(local);
    expect(till.frame()).not.toContain(at.slice(11, 16));
  });
});
