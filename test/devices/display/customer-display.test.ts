/**
 * The customer display driver over a pty pair, with a simulated 2×20 display on the far end
 * that interprets the real command sets (Epson and CD5220) into a screen.
 */
import { describe, expect, test } from "bun:test";
import { SimulatedDisplay } from "../../../src/devices/display/customer-display.ts";
import { DisplayEmulator, type DisplayProtocol } from "../../../src/devices/display/display-emulator.ts";
import {
  itemLines,
  thankYouLines,
  totalLines,
  welcomeLines,
} from "../../../src/devices/display/display-text.ts";
import { openDisplay } from "../../../src/devices/display/open-display.ts";
import { PtyPair } from "../support/pty-pair.ts";
import { SerialDevice } from "../support/serial-device.ts";
import { waitFor } from "../support/wait.ts";

const LINE = { baudRate: 9600, dataBits: 8, parity: "none", stopBits: 1 } as const;
const USD = { currency: "USD", locale: "en-US" };

describe.each(["epson", "cd5220"] as const)(
  "%s pole display over a serial line",
  (protocol: DisplayProtocol) => {
    test("shows the last item and the total, then thanks with the change", async () => {
      await using pair = await PtyPair.start();
      const screen = new DisplayEmulator(protocol);
      await using device = await new SerialDevice(pair.device, LINE, (bytes) => {
        screen.receive(bytes);
        return new Uint8Array();
      }).ready();
      const display = openDisplay(`serial:${pair.host}?protocol=${protocol}&reconnectMs=25`);
      try {
        expect(await display.show(itemLines("Organic bananas", 290, 639, USD))).toEqual({ ok: true });
        await waitFor("the item on the screen", () => screen.screen()[0]?.startsWith("Organic"));
        expect(screen.screen()).toEqual(["Organic bananas 2.90", "TOTAL           6.39"]);
        await display.show(thankYouLines(1384, USD));
        await waitFor("the thank-you", () => screen.screen()[0]?.includes("Thank you!"));
        expect(screen.screen()).toEqual(["     Thank you!     ", "CHANGE         13.84"]);
        expect(device.received.slice(0, 2)).toEqual([0x1b, 0x40]);
      } finally {
        await display.close();
      }
    });

    test("shows Russian text through the display's code page", async () => {
      await using pair = await PtyPair.start();
      const screen = new DisplayEmulator(protocol);
      await using _device = await new SerialDevice(pair.device, LINE, (bytes) => {
        screen.receive(bytes);
        return new Uint8Array();
      }).ready();
      const display = openDisplay(`serial:${pair.host}?protocol=${protocol}&reconnectMs=25`, {
        locale: "ru-RU",
      });
      try {
        await display.show(totalLines(123450, { currency: "RUB", locale: "ru-RU" }));
        await waitFor("the total", () => screen.screen()[0]?.startsWith("ИТОГ"));
        expect(screen.screen()).toEqual(["ИТОГ        1 234,50", "        RUB         "]);
      } finally {
        await display.close();
      }
    });
  },
);

describe("display failures", () => {
  test("an unplugged display reports it, and is initialised again when it comes back", async () => {
    await using pair = await PtyPair.start();
    let screen = new DisplayEmulator("epson");
    await using device = await new SerialDevice(pair.device, LINE, (bytes) => {
      screen.receive(bytes);
      return new Uint8Array();
    }).ready();
    const display = openDisplay(`serial:${pair.host}?reconnectMs=25`);
    try {
      expect((await display.show(welcomeLines("Corner Co-op", "en"))).ok).toBe(true);
      await pair.unplug();
      const failed = await waitFor("a failed write", async () => {
        const result = await display.show(["a", "b"]);
        return result.ok ? undefined : result;
      });
      expect(failed.detail).toContain("not connected");
      await pair.plug();
      await device.ready();
      screen = new DisplayEmulator("epson");
      device.received = [];
      await waitFor("the display back", async () => (await display.show(["back", "again"])).ok);
      await waitFor("the lines on the new screen", () => screen.screen()[0]?.startsWith("back"));
      expect(device.received.slice(0, 2)).toEqual([0x1b, 0x40]);
      expect(screen.screen()).toEqual([`back${" ".repeat(16)}`, `again${" ".repeat(15)}`]);
    } finally {
      await display.close();
    }
  });

  test("a simulated display shows the same screen from the same bytes", async () => {
    const display = openDisplay("sim:", { locale: "fr-FR" });
    if (!(display instanceof SimulatedDisplay)) throw new Error("sim: opens a SimulatedDisplay");
    await display.show(
      itemLines("Lait d'avoine à l'ancienne", 349, 349, { currency: "EUR", locale: "fr-FR" }),
    );
    expect(display.screen()).toEqual(["Lait d'avoine à 3,49", "TOTAL           3,49"]);
  });
});
