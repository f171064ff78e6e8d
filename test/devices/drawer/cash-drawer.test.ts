import { describe, expect, test } from "bun:test";
import {
  type DrawerOpening,
  printerDrawer,
  simulatedDrawer,
} from "../../../src/devices/drawer/cash-drawer.ts";
import { decodeEscPos } from "../../../src/devices/escpos/decode.ts";
import { openPrinter } from "../../../src/devices/printer/open-printer.ts";
import { closedPort, EscPosSink } from "../support/escpos-sink.ts";
import { waitFor } from "../support/wait.ts";

const at = () => new Date("2025-11-23T16:48:00Z");

describe("cash drawer", () => {
  test("each opening is kicked through the printer and recorded with its reason", async () => {
    await using sink = await EscPosSink.start();
    const printer = openPrinter(sink.uri, { timeoutMs: 500 });
    try {
      const drawer = printerDrawer(printer, at);
      const heard: DrawerOpening[] = [];
      drawer.onOpening((opening) => heard.push(opening));
      await drawer.open("sale", { saleId: "s-1", cashierId: "c-1" });
      await drawer.open("no-sale", { cashierId: "c-1", note: "change for the float" });
      await drawer.open("cash-out", { cashierId: "c-1" });
      expect(drawer.openings()).toEqual([
        { at: "2025-11-23T16:48:00.000Z", reason: "sale", ok: true, saleId: "s-1", cashierId: "c-1" },
        {
          at: "2025-11-23T16:48:00.000Z",
          reason: "no-sale",
          ok: true,
          cashierId: "c-1",
          note: "change for the float",
        },
        { at: "2025-11-23T16:48:00.000Z", reason: "cash-out", ok: true, cashierId: "c-1" },
      ]);
      expect(heard).toHaveLength(3);
      await waitFor("three kicks", () => sink.jobs.length === 3);
      for (const job of sink.jobs) {
        expect(decodeEscPos(job).commands).toEqual([{ op: "drawer-kick", pin: 2, onMs: 50, offMs: 500 }]);
      }
    } finally {
      await printer.close();
    }
  });

  test("a kick that cannot reach the printer is recorded as failed, with what to do", async () => {
    const printer = openPrinter(`tcp://127.0.0.1:${await closedPort()}`, { timeoutMs: 500 });
    try {
      const opening = await printerDrawer(printer, at).open("cash-in");
      expect(opening.ok).toBe(false);
      expect(opening.reason).toBe("cash-in");
      expect(opening.detail).toContain("connection refused");
      expect(opening.detail).toContain("Open it with its key");
    } finally {
      await printer.close();
    }
  });

  test("an unknown reason is refused", async () => {
    const drawer = simulatedDrawer(at);
    await expect(drawer.open("lunch" as "sale")).rejects.toThrow("not a drawer reason");
    expect(drawer.openings()).toEqual([]);
  });
});
