/**
 * The same printer driver through a device file, a serial line (socat pty with a simulated
 * printer on the far end) and the in-memory simulator.
 */
import { describe, expect, test } from "bun:test";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DeviceUriError } from "../../../src/devices/errors.ts";
import { decodeEscPos } from "../../../src/devices/escpos/decode.ts";
import { PrinterEmulator } from "../../../src/devices/escpos/printer-emulator.ts";
import { openPrinter, SimulatedPrinter } from "../../../src/devices/printer/open-printer.ts";
import { sampleReceipt } from "../support/fixtures.ts";
import { PtyPair } from "../support/pty-pair.ts";
import { SerialDevice } from "../support/serial-device.ts";
import { waitFor } from "../support/wait.ts";

const FAST = { timeoutMs: 500, retryMinMs: 50, retryMaxMs: 200 };

describe("printer through a device file", () => {
  test("writes the job to the file, and waits while the device is missing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringup-lp-"));
    const device = path.join(dir, "lp0");
    const printer = openPrinter(`file:${device}`, FAST);
    try {
      const job = printer.print(sampleReceipt());
      expect(await printer.settled(job.id, 10_000)).toMatchObject({ state: "waiting", problem: "offline" });
      expect(job.lastError).toContain("ENOENT");
      expect(fs.existsSync(device)).toBe(false);

      fs.writeFileSync(device, "");
      printer.retryNow();
      await waitFor("the job in the device file", () => printer.pending().length === 0);
      const { commands, lines } = decodeEscPos(new Uint8Array(fs.readFileSync(device)));
      expect(commands[0]).toEqual({ op: "init" });
      expect(lines).toContain(`TOTAL${" ".repeat(38)}$6.16`);
      expect(commands.some((command) => command.op === "status-request")).toBe(false);
    } finally {
      await printer.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("printer on a serial line", () => {
  test("checks status and prints over the line, and carries on after an unplug", async () => {
    await using pair = await PtyPair.start();
    const emulator = new PrinterEmulator();
    const settings = { baudRate: 19200, dataBits: 8, parity: "none", stopBits: 1 } as const;
    await using device = await new SerialDevice(pair.device, settings, (bytes) =>
      emulator.receive(bytes),
    ).ready();
    const printer = openPrinter(`serial:${pair.host}?baud=19200&reconnectMs=25&width=58`, FAST);
    try {
      const first = printer.print(sampleReceipt());
      expect((await printer.settled(first.id, 10_000)).state).toBe("printed");
      const text = decodeEscPos(emulator.take()).lines;
      expect(text).toContain(`TOTAL${" ".repeat(22)}$6.16`);
      expect(device.received.slice(0, 9)).toEqual([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4]);

      await pair.unplug();
      const second = printer.print(sampleReceipt("en-US", "USD", { receiptNo: 43 }));
      expect(await printer.settled(second.id, 10_000)).toMatchObject({
        state: "waiting",
        problem: "offline",
      });
      await pair.plug();
      await device.ready();
      printer.retryNow();
      await waitFor("the second receipt after the replug", () => {
        printer.retryNow();
        return printer.pending().length === 0;
      });
      expect(decodeEscPos(emulator.take()).lines.some((line) => line.startsWith("Receipt 43"))).toBe(true);
    } finally {
      await printer.close();
    }
  });
});

describe("simulated printer", () => {
  test("prints real ESC/POS bytes onto simulated paper, and queues while switched off", async () => {
    const printer = openPrinter("sim:?width=58", FAST);
    if (!(printer instanceof SimulatedPrinter)) throw new Error("sim: opens a SimulatedPrinter");
    try {
      printer.power.on = false;
      const job = printer.print(sampleReceipt());
      expect(await printer.settled(job.id, 10_000)).toMatchObject({ state: "waiting", problem: "offline" });
      expect(printer.paperText()).toBe("");
      printer.power.on = true;
      printer.retryNow();
      await waitFor("the receipt", () => printer.pending().length === 0);
      expect(printer.paperText()).toContain(`TOTAL${" ".repeat(22)}$6.16`);
    } finally {
      await printer.close();
    }
  });

  test("starts out of paper when asked", async () => {
    const printer = openPrinter("sim:?paper=out", FAST);
    try {
      const job = printer.print(sampleReceipt());
      expect(await printer.settled(job.id, 10_000)).toMatchObject({ state: "waiting", problem: "paper-out" });
    } finally {
      await printer.close();
    }
  });
});

describe("printer URIs", () => {
  test.each([
    ["usb:/dev/usb/lp0", "cannot be reached through"],
    ["tcp://10.0.0.5:9100?width=72", 'parameter "width" must be 58 or 80'],
    ["tcp://10.0.0.5:9100?codepages=pc866,klingon", "lists pages from"],
    ["tcp://10.0.0.5:9100?speed=fast", 'unknown parameter "speed"'],
    ["serial:/dev/ttyS0?baud=1234", 'parameter "baud" must be one of'],
    ["file:lp0", "absolute device path"],
  ])("%s is refused: %s", (uri, reason) => {
    expect(() => openPrinter(uri)).toThrow(DeviceUriError);
    expect(() => openPrinter(uri)).toThrow(reason);
  });
});
