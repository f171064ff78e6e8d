/**
 * A till with more devices: two card terminals (F7 the first, Ctrl+Z the second), two serial
 * scanners on real pseudo-terminals (either one adds items) and a scanner-scale (the scale port
 * of the scanner weighs when no other scale is configured).
 */
import { afterEach, describe, expect, test } from "bun:test";
import { SimulatedScale } from "../../../src/devices/scale/open-scale.ts";
import { openDevices } from "../../../src/till/main.ts";
import { PtyPair } from "../../devices/support/pty-pair.ts";
import { SerialDevice } from "../../devices/support/serial-device.ts";
import { renderTill, type Till, waitFor } from "../support/render-till.tsx";

const LINE = { baudRate: 9600, dataBits: 8, parity: "none", stopBits: 1 } as const;
const CTRL_Z = "\u001a";

let till: Till | undefined;
afterEach(() => {
  till?.cleanup();
  till = undefined;
});

/** Sends a code from the scanner's end of its line until the till has rung `lines` lines. */
async function scanUntil(device: SerialDevice, code: string, lines: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while ((till?.controller.state.sale.lines.length ?? 0) < lines) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${code} to be rung`);
    if ((till?.controller.state.sale.lines.length ?? 0) < lines)
      await device.send(new TextEncoder().encode(`${code}\r`));
    await waitFor(() => (till?.controller.state.sale.lines.length ?? 0) >= lines, `${code} rung`, 250).catch(
      () => undefined,
    );
  }
}

/** F7 on the first terminal adds nothing; Ctrl+Z on the second pays, and the sale is sent once. */
async function firstFailsSecondPays(till: Till, said: string, amountMinor: number): Promise<void> {
  till.press("f10");
  till.press("f7");
  await till.see(said);
  expect(till.controller.state.sale.tenders).toEqual([]);
  till.write(CTRL_Z);
  await waitFor(() => till.services.sent.length === 1 && !till.controller.state.busy, "the sale to complete");
  expect(till.services.sent).toHaveLength(1);
  expect(till.services.sent[0]?.tenders).toEqual([{ type: "card", amountMinor, ref: "000001" }]);
}

describe("a till with two card terminals, two scanners and a scanner-scale", () => {
  test("both serial scanners add lines; the first terminal declines, the second is paid once", async () => {
    await using pair1 = await PtyPair.start();
    await using pair2 = await PtyPair.start();
    await using scanner1 = await new SerialDevice(pair1.device, LINE).ready();
    await using scanner2 = await new SerialDevice(pair2.device, LINE).ready();
    const devices = await openDevices(
      {
        payment: "sim:?outcome=decline",
        payment2: "sim:",
        scanner: `serial:${pair1.host}?reconnectMs=25`,
        scanner2: `serial:${pair2.host}?reconnectMs=25`,
      },
      "en",
    );
    expect(devices.scanners?.length).toBe(2);
    try {
      till = await renderTill({ devices });
      await till.login();
      await scanUntil(scanner1, "0002", 1);
      await scanUntil(scanner2, "0001", 2);
      expect(till.controller.state.sale.lines.map((l) => l.code)).toEqual(["0002", "0001"]);
      await firstFailsSecondPays(till, "Card declined", 379);
    } finally {
      await Promise.all((devices.scanners ?? []).map((s) => s.close()));
    }
  });

  test("the first terminal is off: the second one takes the card", async () => {
    till = await renderTill({
      devices: await openDevices({ payment: "sim:?outcome=error", payment2: "sim:" }, "en"),
    });
    await till.login();
    till.scan("0002");
    await waitFor(() => till?.controller.state.sale.lines.length === 1, "the line");
    await firstFailsSecondPays(till, "Card payment failed", 250);
  });

  test("Ctrl+Z with one terminal says there is no second one and charges nothing", async () => {
    till = await renderTill({ devices: await openDevices({ payment: "sim:" }, "en") });
    await till.login();
    till.scan("0002");
    await waitFor(() => till?.controller.state.sale.lines.length === 1, "the line");
    till.press("f10");
    till.write(CTRL_Z);
    await till.see("No second card terminal");
    expect(till.controller.state.sale.tenders).toEqual([]);
  });

  test("the scanner-scale weighs when no scale is configured; a configured scale comes first", async () => {
    const scannerScale = await openDevices({ scannerScale: "sim:?weight=0.500" }, "en");
    expect(scannerScale.scale).toBeInstanceOf(SimulatedScale);
    till = await renderTill({ devices: scannerScale });
    await till.login();
    till.scan("4011");
    await waitFor(() => till?.controller.state.sale.lines.length === 1, "the weighed line");
    expect(till.controller.state.sale.lines[0]?.qtyMilli).toBe(500);
    const both = await openDevices({ scale: "sim:?weight=1.000", scannerScale: "sim:?weight=0.500" }, "en");
    expect(await both.scale?.read()).toMatchObject({ status: "stable", weightMilli: 1000 });
    await expect(openDevices({ scanner2: "tcp://10.0.0.9:1" }, "en")).rejects.toThrow(/scanner/);
  });
});
