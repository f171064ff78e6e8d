/**
 * The ESC/POS printer driver against a network printer on a loopback port: the bytes it sends
 * are captured and decoded back into commands and text.
 */
import { describe, expect, test } from "bun:test";
import { buildShiftReport } from "../../../src/core/receipt-shift-report.ts";
import { decodeEscPos, type EscPosCommand } from "../../../src/devices/escpos/decode.ts";
import { openPrinter } from "../../../src/devices/printer/open-printer.ts";
import type { PrintDocument, PrinterEvent, ReceiptPrinter } from "../../../src/devices/printer/printer.ts";
import { closedPort, EscPosSink } from "../support/escpos-sink.ts";
import { SALE_ID, sampleReceipt } from "../support/fixtures.ts";
import { waitFor } from "../support/wait.ts";

const FAST = { timeoutMs: 500, retryMinMs: 50, retryMaxMs: 200 };

async function withPrinter<T>(uri: string, run: (printer: ReceiptPrinter) => Promise<T>): Promise<T> {
  const printer = openPrinter(uri, FAST);
  try {
    return await run(printer);
  } finally {
    await printer.close();
  }
}

function ops(commands: EscPosCommand[], op: EscPosCommand["op"]): EscPosCommand[] {
  return commands.filter((command) => command.op === op);
}

function indexOfBytes(haystack: Uint8Array, needle: number[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

async function printOne(
  sink: EscPosSink,
  uri: string,
  doc: PrintDocument = sampleReceipt(),
): Promise<Uint8Array> {
  await withPrinter(uri, async (printer) => {
    const job = printer.print(doc);
    expect((await printer.settled(job.id, 10_000)).state).toBe("printed");
  });
  await waitFor("the job at the printer", () => sink.jobs.length > 0);
  return sink.jobs[0] ?? new Uint8Array();
}

describe("ESC/POS printer over TCP", () => {
  test("prints a receipt: initialise, code page, text, bold tall total, QR of the sale id, cut", async () => {
    await using sink = await EscPosSink.start();
    const bytes = await printOne(sink, sink.uri);
    const { commands, lines } = decodeEscPos(bytes);
    expect(commands[0]).toEqual({ op: "init" });
    expect(commands[1]).toEqual({ op: "codepage", table: 0, page: "pc437" });
    expect(lines).toContain(`TOTAL${" ".repeat(38)}$6.16`);
    expect(lines).toContain(`  1.455 kg x 1.99${" ".repeat(27)}2.90`);
    const totalAt = commands.findIndex((c) => c.op === "text" && c.text.startsWith("TOTAL"));
    expect(commands.slice(totalAt - 2, totalAt)).toEqual([
      { op: "print-mode", tall: true, wide: false, bold: false },
      { op: "bold", on: true },
    ]);
    expect(ops(commands, "qr")).toEqual([
      { op: "qr", data: SALE_ID, model: 2, cellSize: 6, correction: "M" },
    ]);
    const cutAt = commands.findIndex((c) => c.op === "cut");
    expect(cutAt).toBeGreaterThan(commands.findIndex((c) => c.op === "qr"));
    expect(commands[cutAt]).toEqual({ op: "cut", partial: false });
    // Only one job reached the printer, and the driver asked for status before it.
    expect(sink.jobs).toHaveLength(1);
    const first = sink.raw[0] ?? new Uint8Array();
    expect([...first.slice(0, 9)]).toEqual([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4]);
  });

  test("Russian prints in PC866: the text is Cyrillic on paper, the ruble as RUB", async () => {
    await using sink = await EscPosSink.start();
    const bytes = await printOne(sink, sink.uri, sampleReceipt("ru-RU", "RUB"));
    const { commands, lines } = decodeEscPos(bytes);
    expect(commands[1]).toEqual({ op: "codepage", table: 17, page: "pc866" });
    expect(lines).toContain(`ИТОГ${" ".repeat(36)}6,16 RUB`);
    expect(lines).toContain("Бананы органические");
    // "ИТОГ" in PC866 is 88 92 8E 83.
    expect(indexOfBytes(bytes, [0x88, 0x92, 0x8e, 0x83])).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain("?");
  });

  test("French prints in PC858 with its accents and the euro sign", async () => {
    await using sink = await EscPosSink.start();
    const bytes = await printOne(sink, sink.uri, sampleReceipt("fr-FR", "EUR"));
    const { commands, lines } = decodeEscPos(bytes);
    expect(commands[1]).toEqual({ op: "codepage", table: 19, page: "pc858" });
    expect(lines).toContain(`TOTAL${" ".repeat(37)}6,16 €`);
    expect(lines).toContain(`Espèces${" ".repeat(36)}20,00`);
    expect(lines).toContain(`Lait d'avoine à l'ancienne${" ".repeat(18)}3,49`);
    expect(lines.join("\n")).toContain("Épicerie du Coin");
    // "è" is 8A and "€" is D5 in PC858.
    expect(indexOfBytes(bytes, [0x45, 0x73, 0x70, 0x8a])).toBeGreaterThan(0);
    expect(indexOfBytes(bytes, [0x20, 0xd5])).toBeGreaterThan(0);
  });

  test("Azerbaijani prints in PC857; ə, which no code page has, prints as ä", async () => {
    await using sink = await EscPosSink.start();
    const bytes = await printOne(sink, sink.uri, sampleReceipt("az-AZ", "AZN"));
    const { commands, lines } = decodeEscPos(bytes);
    expect(commands[1]).toEqual({ op: "codepage", table: 13, page: "pc857" });
    expect(lines.map((line) => line.trim())).toContain("Künc Mağazası");
    expect(lines).toContain(`Yulaf südü, şäkärsiz${" ".repeat(24)}3,49`);
    expect(lines).toContain(`CÄMİ${" ".repeat(36)}6,16 AZN`);
    // "ğ" A7, "ı" 8D, "ş" 9F in PC857.
    expect(indexOfBytes(bytes, [0x61, 0xa7, 0x61, 0x7a, 0x61, 0x73, 0x8d])).toBeGreaterThan(0);
    expect(indexOfBytes(bytes, [0x9f])).toBeGreaterThan(0);
  });

  describe("each language's receipt prints French, Russian and Azerbaijani names and the euro", () => {
    const names = ["Crème brûlée", "Молоко 3,2%", "Çörək ğış ə"];
    const lines = names.map((name, index) => ({
      code: String(index + 1),
      name,
      qtyMilli: 1000,
      unitPriceMinor: 450,
      totalMinor: 450,
    }));
    const receipt = (locale: string): PrintDocument =>
      sampleReceipt(locale, "EUR", {
        lines,
        taxes: [],
        subtotalMinor: 1350,
        discountMinor: 0,
        taxMinor: 0,
        totalMinor: 1350,
      });
    // Each language's own word, in the bytes of its own page.
    const ownWord: Record<string, { table: number; bytes: number[] }> = {
      "en-US": { table: 0, bytes: [0x43, 0x72, 0x8a, 0x6d, 0x65, 0x20, 0x62, 0x72, 0x96, 0x6c, 0x82, 0x65] },
      "fr-FR": { table: 19, bytes: [0x43, 0x72, 0x8a, 0x6d, 0x65, 0x20, 0x62, 0x72, 0x96, 0x6c, 0x82, 0x65] },
      "ru-RU": { table: 17, bytes: [0x8c, 0xae, 0xab, 0xae, 0xaa, 0xae, 0x20, 0x33, 0x2c, 0x32, 0x25] },
      "az-AZ": { table: 13, bytes: [0x80, 0x94, 0x72, 0x84, 0x6b, 0x20, 0xa7, 0x8d, 0x9f, 0x20, 0x84] },
    };
    for (const [locale, own] of Object.entries(ownWord)) {
      test(locale, async () => {
        await using sink = await EscPosSink.start();
        const bytes = await printOne(sink, sink.uri, receipt(locale));
        const { commands, lines: printed } = decodeEscPos(bytes);
        expect(commands[1]).toEqual({ op: "codepage", table: own.table, page: expect.any(String) });
        expect(indexOfBytes(bytes, own.bytes)).toBeGreaterThan(0);
        for (const name of ["Crème brûlée", "Молоко 3,2%", "Çöräk ğış ä"]) {
          expect(printed.some((line) => line.startsWith(name))).toBe(true);
        }
        expect(printed.some((line) => /TOTAL|ИТОГ|CƏMİ|CÄMİ/.test(line) && line.includes("€"))).toBe(true);
        expect(printed.join("\n")).not.toContain("?");
      });
    }

    test("az-AZ on a printer that has KZ1048: ə prints as its schwa", async () => {
      await using sink = await EscPosSink.start();
      const bytes = await printOne(sink, `${sink.uri}?codepages=pc857,pc858,pc866,kz1048`, receipt("az-AZ"));
      const { lines: printed } = decodeEscPos(bytes);
      expect(printed.some((line) => line.startsWith("Çörәk ğış ә"))).toBe(true);
      expect(printed.some((line) => line.startsWith("CӘMİ"))).toBe(true);
      expect(indexOfBytes(bytes, [0x80, 0x94, 0x72, 0x1b, 0x74, 53, 0xbc, 0x6b])).toBeGreaterThan(0);
    });
  });

  test("58 mm paper gets 32-column lines, 80 mm 48", async () => {
    await using sink = await EscPosSink.start();
    for (const [width, columns] of [
      [58, 32],
      [80, 48],
    ] as const) {
      sink.jobs.length = 0;
      const { lines, commands } = decodeEscPos(await printOne(sink, `${sink.uri}?width=${width}`));
      expect(Math.max(...lines.map((line) => [...line].length))).toBe(columns);
      expect(ops(commands, "qr")[0]).toMatchObject({ cellSize: width === 58 ? 4 : 6 });
    }
  });

  test("a Code 128 barcode of the receipt number (GS k) can replace the QR code", async () => {
    await using sink = await EscPosSink.start();
    const { commands } = decodeEscPos(
      await printOne(sink, sink.uri, sampleReceipt("en-US", "USD", { returnCode: "code128" })),
    );
    expect(ops(commands, "barcode")).toEqual([{ op: "barcode", type: 73, data: "42" }]);
    expect(ops(commands, "qr")).toEqual([]);
  });

  test("the link to the receipt's copy prints as the printer's own QR command, captioned", async () => {
    await using sink = await EscPosSink.start();
    const copyUrl = "https://shop.example/r/AZOo9GweEPO6m-XU86KxwNrQyr3RhQvcpJ8b";
    const bytes = await printOne(sink, sink.uri, sampleReceipt("en-US", "USD", { copyUrl }));
    const { commands, lines } = decodeEscPos(bytes);
    expect(ops(commands, "qr")).toEqual([
      { op: "qr", data: copyUrl, model: 2, cellSize: 6, correction: "M" },
      { op: "qr", data: SALE_ID, model: 2, cellSize: 6, correction: "M" },
    ]);
    const store = [0x1d, 0x28, 0x6b, copyUrl.length + 3, 0x00, 0x31, 0x50, 0x30, ...Buffer.from(copyUrl)];
    expect(indexOfBytes(bytes, store)).toBeGreaterThan(0);
    expect(lines.some((line) => line.includes("Your receipt online"))).toBe(true);
  });

  test("a printer without the QR command (qr=raster) prints the codes as raster images", async () => {
    await using sink = await EscPosSink.start();
    const copyUrl = "https://shop.example/r/AZOo9GweEPO6m-XU86KxwNrQyr3RhQvcpJ8b";
    const { commands } = decodeEscPos(
      await printOne(sink, `${sink.uri}?qr=raster`, sampleReceipt("en-US", "USD", { copyUrl })),
    );
    expect(ops(commands, "qr")).toEqual([]);
    const rasters = ops(commands, "raster");
    expect(rasters).toHaveLength(2);
    // Version 4 (33 modules) and a quiet zone of 4 on each side, 6 dots a module.
    expect(rasters[0]).toMatchObject({ width: Math.ceil((41 * 6) / 8) * 8, height: 41 * 6 });
  });

  test("opens the cash drawer with ESC p on pin 2 (or pin 5)", async () => {
    await using sink = await EscPosSink.start();
    await withPrinter(sink.uri, (printer) => printer.kickDrawer());
    await withPrinter(`${sink.uri}?drawerPin=5`, (printer) => printer.kickDrawer());
    await waitFor("both kicks", () => sink.jobs.length === 2);
    expect(decodeEscPos(sink.jobs[0] ?? new Uint8Array()).commands).toEqual([
      { op: "drawer-kick", pin: 2, onMs: 50, offMs: 500 },
    ]);
    expect(decodeEscPos(sink.jobs[1] ?? new Uint8Array()).commands).toEqual([
      { op: "drawer-kick", pin: 5, onMs: 50, offMs: 500 },
    ]);
  });

  test("the drawer opens even when the printer is out of paper", async () => {
    await using sink = await EscPosSink.start();
    sink.status.paperOut = true;
    await withPrinter(sink.uri, (printer) => printer.kickDrawer());
    await waitFor("the kick", () => sink.jobs.length === 1);
    expect(ops(decodeEscPos(sink.jobs[0] ?? new Uint8Array()).commands, "drawer-kick")).toHaveLength(1);
  });

  test("a reprint is the same receipt marked as a copy", async () => {
    await using sink = await EscPosSink.start();
    await withPrinter(sink.uri, async (printer) => {
      const first = printer.print(sampleReceipt());
      await printer.settled(first.id, 10_000);
      const again = printer.reprint();
      expect(again.title).toBe("Receipt 42 (copy)");
      expect((await printer.settled(again.id, 10_000)).state).toBe("printed");
    });
    await waitFor("two jobs", () => sink.jobs.length === 2);
    const [original, copy] = sink.jobs.map((job) => decodeEscPos(job).lines.join("\n"));
    expect(original).not.toContain("COPY");
    expect(copy?.match(/\*\*\* COPY \*\*\*/g)).toHaveLength(2);
    expect(copy).toContain(`TOTAL${" ".repeat(38)}$6.16`);
  });

  test("prints a Z report", async () => {
    await using sink = await EscPosSink.start();
    const report = buildShiftReport({
      kind: "Z",
      number: 9,
      store: { name: "Corner Co-op" },
      openedAt: "2025-11-23T08:00:00Z",
      at: "2025-11-23T20:00:00Z",
      currency: "USD",
      salesCount: 3,
      grossMinor: 1000,
      netMinor: 900,
      totalMinor: 980,
    });
    const { lines, commands } = decodeEscPos(await printOne(sink, sink.uri, report));
    expect(lines.some((line) => line.trim() === "Z REPORT 9")).toBe(true);
    expect(lines).toContain(`TOTAL${" ".repeat(35)}USD 9.80`);
    expect(ops(commands, "cut")).toHaveLength(1);
  });
});

describe("printer failures never lose or block a sale", () => {
  test("an offline printer queues the receipt, tells the cashier, and prints when it comes up", async () => {
    const port = await closedPort();
    const printer = openPrinter(`tcp://127.0.0.1:${port}`, FAST);
    const events: PrinterEvent[] = [];
    printer.onEvent((event) => events.push(event));
    let sink: EscPosSink | undefined;
    try {
      const first = printer.print(sampleReceipt("en-US", "USD", { receiptNo: 1 }));
      const second = printer.print(sampleReceipt("en-US", "USD", { receiptNo: 2 }));
      expect(["queued", "printing"]).toContain(first.state);
      const waiting = await printer.settled(first.id, 10_000);
      expect(waiting.state).toBe("waiting");
      expect(waiting.problem).toBe("offline");
      expect(waiting.lastError).toContain("connection refused");
      const problem = events.find((event) => event.type === "problem");
      expect(problem).toMatchObject({ type: "problem", problem: "offline", waiting: 2 });
      expect(printer.pending().map((job) => job.id)).toEqual([first.id, second.id]);

      sink = await EscPosSink.start(port);
      const started = sink;
      printer.retryNow();
      await waitFor("both receipts", () => started.jobs.length === 2);
      expect(printer.pending()).toEqual([]);
      const receiptNos = started.jobs.map((job) =>
        decodeEscPos(job).lines.find((l) => l.startsWith("Receipt")),
      );
      expect(receiptNos.map((line) => line?.split(/\s+/)[1])).toEqual(["1", "2"]);
      expect(events.some((event) => event.type === "recovered")).toBe(true);
    } finally {
      await printer.close();
      await sink?.stop();
    }
  });

  test("out of paper: the job is not sent, waits, and prints once paper is loaded", async () => {
    await using sink = await EscPosSink.start();
    sink.status.paperOut = true;
    await withPrinter(sink.uri, async (printer) => {
      const job = printer.print(sampleReceipt());
      const waiting = await printer.settled(job.id, 10_000);
      expect(waiting).toMatchObject({ state: "waiting", problem: "paper-out" });
      expect(waiting.lastError).toContain("out of paper");
      expect(sink.jobs).toEqual([]);
      expect((await printer.status()).detail).toContain("out of paper");

      sink.status.paperOut = false;
      printer.retryNow();
      await waitFor("the receipt", () => printer.pending().length === 0);
      expect((await printer.status()).detail).toContain("ready");
    });
    await waitFor("the printed job", () => sink.jobs.length === 1);
  });

  test("a cover left open is reported as such", async () => {
    await using sink = await EscPosSink.start();
    sink.status.coverOpen = true;
    await withPrinter(sink.uri, async (printer) => {
      const job = printer.print(sampleReceipt());
      expect(await printer.settled(job.id, 10_000)).toMatchObject({
        state: "waiting",
        problem: "cover-open",
      });
    });
  });

  test("a cancelled job is dropped from the queue", async () => {
    const port = await closedPort();
    await withPrinter(`tcp://127.0.0.1:${port}`, async (printer) => {
      const job = printer.print(sampleReceipt());
      await printer.settled(job.id, 10_000);
      printer.cancel(job.id);
      expect(printer.pending()).toEqual([]);
      expect(job.state).toBe("cancelled");
    });
  });

  test("nothing to reprint is a clear error", async () => {
    await withPrinter("sim:", async (printer) => {
      expect(() => printer.reprint()).toThrow("Nothing has been printed yet");
    });
  });
});
