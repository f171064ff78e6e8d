/**
 * `ringup devices test` against a network printer on loopback, a scale and a display on socat
 * pseudo-terminals, and the simulators.
 */
import { describe, expect, test } from "bun:test";
import { runDevicesTest } from "../../src/devices/devices-test.ts";
import { DisplayEmulator } from "../../src/devices/display/display-emulator.ts";
import { decodeEscPos } from "../../src/devices/escpos/decode.ts";
import { SCALE_PROTOCOL_TABLE } from "../../src/devices/scale/open-scale.ts";
import { closedPort, EscPosSink } from "./support/escpos-sink.ts";
import { PtyPair } from "./support/pty-pair.ts";
import { SerialDevice } from "./support/serial-device.ts";
import { waitFor } from "./support/wait.ts";

describe("runDevicesTest", () => {
  test("prints a test receipt, opens the drawer, reads the scale, shows a line, and reports each", async () => {
    await using sink = await EscPosSink.start();
    await using scalePair = await PtyPair.start();
    await using displayPair = await PtyPair.start();
    const cas = SCALE_PROTOCOL_TABLE.cas;
    const scaleSide = cas.createDevice();
    const state = { weightMilli: 455, unit: "kg" as const, motion: false, overload: false, silent: false };
    await using _scale = await new SerialDevice(scalePair.device, cas.serialDefaults, (bytes) =>
      scaleSide.receive(bytes, state),
    ).ready();
    const screen = new DisplayEmulator("epson");
    const line = { baudRate: 9600, dataBits: 8, parity: "none", stopBits: 1 } as const;
    await using _display = await new SerialDevice(displayPair.device, line, (bytes) => {
      screen.receive(bytes);
      return new Uint8Array();
    }).ready();

    const out: string[] = [];
    const report = await runDevicesTest(
      {
        printer: `${sink.uri}?width=58`,
        drawer: true,
        scale: `serial:${scalePair.host}?protocol=cas`,
        display: `serial:${displayPair.host}`,
        locale: "ru",
      },
      (text) => out.push(text),
    );
    expect(report.results.map((r) => [r.device, r.ok])).toEqual([
      ["printer", true],
      ["drawer", true],
      ["scale", true],
      ["display", true],
    ]);
    expect(report.ok).toBe(true);
    expect(out.at(-1)).toBe("All devices answered.");
    expect(out.find((text) => text.includes("scale"))).toContain("0.455 kg, stable");

    await waitFor("the receipt and the drawer kick at the printer", () => sink.jobs.length === 2);
    const [receipt, kick] = sink.jobs.map((job) => decodeEscPos(job));
    expect(receipt?.lines.map((l) => l.trim())).toContain("ТЕСТОВЫЙ ЧЕК");
    expect(receipt?.lines.map((l) => l.trim())).toContain("ÀÉÎÕÜ çğış ДЖЯ");
    expect(receipt?.commands.some((c) => c.op === "cut")).toBe(true);
    expect(kick?.commands).toEqual([{ op: "drawer-kick", pin: 2, onMs: 50, offMs: 500 }]);
    await waitFor("the display's lines", () => screen.screen()[1]?.trim() === "ТЕСТОВЫЙ ЧЕК");
    expect(screen.screen().map((row) => row.trim())).toEqual(["Ringup", "ТЕСТОВЫЙ ЧЕК"]);
  });

  test("says plainly what failed and what to check", async () => {
    const port = await closedPort();
    const out: string[] = [];
    const report = await runDevicesTest(
      {
        printer: `tcp://127.0.0.1:${port}`,
        drawer: true,
        scale: "serial:/nonexistent/ttyRingup9?protocol=toledo",
        display: "sim:",
        timeoutMs: 300,
      },
      (text) => out.push(text),
    );
    expect(report.ok).toBe(false);
    const byDevice = Object.fromEntries(report.results.map((r) => [r.device, r]));
    expect(byDevice.printer?.detail).toContain("offline (connection refused)");
    expect(byDevice.drawer?.ok).toBe(false);
    expect(byDevice.scale?.detail).toContain("/nonexistent/ttyRingup9");
    expect(byDevice.scale?.detail).toContain("check the cable");
    expect(byDevice.display?.ok).toBe(true);
    expect(out.at(-1)).toBe("3 of 4 device checks failed: see above.");
    expect(out[0]).toMatch(/^FAIL printer /);
  });

  test("works end to end on simulated devices", async () => {
    const out: string[] = [];
    const report = await runDevicesTest(
      { printer: "sim:", drawer: true, scale: "sim:?weight=1.25", display: "sim:", locale: "az" },
      (text) => out.push(text),
    );
    expect(report.ok).toBe(true);
    expect(out.find((text) => text.includes("scale"))).toContain("1.250 kg, stable");
  });

  test("a bad URI is a failed check, not a crash", async () => {
    const report = await runDevicesTest(
      { printer: "usb:/dev/lp0", scale: "sim:?state=wobbly" },
      () => undefined,
    );
    expect(report.results.map((r) => r.ok)).toEqual([false, false]);
    expect(report.results[0]?.detail).toContain("tcp://10.0.0.5:9100");
    expect(report.results[1]?.detail).toContain("must be stable, motion, overload or silent");
  });

  test("nothing to test is reported, and the drawer needs the printer", async () => {
    const out: string[] = [];
    expect((await runDevicesTest({}, (text) => out.push(text))).ok).toBe(false);
    expect(out[0]).toContain("No devices to test");
    const drawerOnly = await runDevicesTest({ drawer: true }, () => undefined);
    expect(drawerOnly.results[0]?.detail).toContain("pass --printer too");
  });
});
