import { describe, expect, test } from "bun:test";
import { DeviceUnavailableError } from "../../../src/devices/errors.ts";
import { SerialLine } from "../../../src/devices/io/serial-line.ts";
import type { SerialSettings } from "../../../src/devices/uri.ts";
import { PtyPair } from "../support/pty-pair.ts";
import { waitFor } from "../support/wait.ts";

const settings: SerialSettings = { baudRate: 9600, dataBits: 7, parity: "even", stopBits: 1 };

function collect(line: SerialLine): { text: () => string } {
  let received = "";
  line.onData((chunk) => {
    received += Buffer.from(chunk).toString("latin1");
  });
  return { text: () => received };
}

describe("SerialLine", () => {
  test("carries bytes both ways over a pseudo-terminal pair", async () => {
    await using pair = await PtyPair.start();
    const host = new SerialLine(pair.host, { settings, reconnectMs: 50 }).start();
    const device = new SerialLine(pair.device, { settings, reconnectMs: 50 }).start();
    try {
      expect(await host.waitConnected(5000)).toBe(true);
      expect(await device.waitConnected(5000)).toBe(true);
      const atDevice = collect(device);
      const atHost = collect(host);
      await host.write(new TextEncoder().encode("W"));
      await waitFor("the request at the device", () => atDevice.text() === "W");
      await device.write(Uint8Array.of(0x02, 0x3f, 0xb1, 0x0d));
      await waitFor("the answer at the host", () => atHost.text() === "\x02?\xb1\r");
    } finally {
      await host.close();
      await device.close();
    }
  });

  test("reports an unplugged device and picks it up again when it comes back", async () => {
    await using pair = await PtyPair.start();
    const host = new SerialLine(pair.host, { settings, reconnectMs: 50 }).start();
    try {
      expect(await host.waitConnected(5000)).toBe(true);
      await pair.unplug();
      await waitFor("the line to notice", () => host.state === "disconnected");
      await expect(host.write(Uint8Array.of(0x57))).rejects.toBeInstanceOf(DeviceUnavailableError);

      await pair.plug();
      expect(await host.waitConnected(5000)).toBe(true);
      expect(host.connections).toBe(2);
      const device = new SerialLine(pair.device, { settings }).start();
      try {
        expect(await device.waitConnected(5000)).toBe(true);
        const atDevice = collect(device);
        await host.write(new TextEncoder().encode("again"));
        await waitFor("bytes after the replug", () => atDevice.text() === "again");
      } finally {
        await device.close();
      }
    } finally {
      await host.close();
    }
  });

  test("a missing device is reported as not connected, naming the path", async () => {
    const line = new SerialLine("/nonexistent/ttyRingup0", { settings, reconnectMs: 50 }).start();
    try {
      expect(await line.waitConnected(200)).toBe(false);
      const error = await line.write(Uint8Array.of(1)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeviceUnavailableError);
      expect((error as Error).message).toContain("/nonexistent/ttyRingup0");
      expect((error as Error).message).toContain("ENOENT");
    } finally {
      await line.close();
    }
  });
});
